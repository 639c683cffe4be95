package io.detsim.properties.core;

/**
 * A generator could not make a value: a filter rejected every candidate it was allowed to try,
 * or a generation drew more choices than a source allows (unbounded recursion).
 *
 * <p>Not a failure of the property under test: the case is discarded. While shrinking, a candidate
 * sequence that cannot generate is simply not kept.
 */
public final class GenerationException extends RuntimeException {
  public GenerationException(String message) {
    super(message);
  }

  public GenerationException(String message, Throwable cause) {
    super(message, cause);
  }
}
