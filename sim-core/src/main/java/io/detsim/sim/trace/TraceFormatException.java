package io.detsim.sim.trace;

/**
 * A trace file line that is not a trace event. The message is one line, {@code file:line: problem},
 * the form editors and terminals turn into a link.
 */
public final class TraceFormatException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final String file;
  private final long line;

  TraceFormatException(String file, long line, String problem) {
    super(file + ":" + line + ": " + problem);
    this.file = file;
    this.line = line;
  }

  /** The file as it was named when opened. */
  public String file() {
    return file;
  }

  /** The 1-based line number of the bad line. */
  public long line() {
    return line;
  }
}
