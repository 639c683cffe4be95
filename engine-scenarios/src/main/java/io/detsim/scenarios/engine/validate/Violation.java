package io.detsim.scenarios.engine.validate;

import java.util.List;

/**
 * A broken guarantee: its kind (what shrinking must keep), what happened, when, and the evidence.
 * The kinds are the validators' error kinds of the original design, plus ours.
 */
public record Violation(Kind kind, String message, long atNanos, List<String> evidence) {
  /** What was broken. Shrinking keeps a failure only while its kind stays the same. */
  public enum Kind {
    DATA_LOSS,
    CONSISTENCY_TIMEOUT,
    SEQUENCE_VIOLATION,
    GRAPH_INTEGRITY,
    SILENT_DROP,
    PHANTOM_RESULT,
    BACKPRESSURE_BOUND,
    CRASH
  }

  public Violation {
    evidence = List.copyOf(evidence);
  }

  public static Violation of(Kind kind, long atNanos, String message) {
    return new Violation(kind, message, atNanos, List.of());
  }

  /** {@code DATA_LOSS at 1.25s: 3 acknowledged observations missing: a-1, a-7, b-3}. */
  @Override
  public String toString() {
    return kind + " at " + atNanos + "ns: " + message;
  }
}
