package io.detsim.cli;

/** A request the command line cannot carry out as asked: reported as one line, exit code 2. */
final class UsageException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  UsageException(String message) {
    super(message);
  }
}
