package io.detsim.scenarios.engine.validate;

import java.util.Comparator;
import java.util.List;

/**
 * A broken guarantee: its kind (what shrinking must keep), what happened, when, and the evidence.
 * The kinds are the validators' error kinds of the original design, plus ours.
 */
public record Violation(Kind kind, String message, long atNanos, List<String> evidence) {
  /**
   * What was broken, declared most severe first: when one run breaks several checks, it is reported
   * as the most severe ({@link #mostSevereFirst}), so an acknowledged observation lost is never
   * hidden behind a liveness failure about later ones. Shrinking keeps a failure only while its
   * kind stays the same.
   */
  public enum Kind {
    /** An acknowledged observation is gone: the engine's first promise broken. */
    DATA_LOSS,
    /** Applied out of order, twice, or indexed out of acceptance order. */
    SEQUENCE_VIOLATION,
    /** A recall returned what its space or snapshot does not hold. */
    PHANTOM_RESULT,
    GRAPH_INTEGRITY,
    /** The engine threw, or its server is down after heal-all: it explains the liveness kinds below. */
    CRASH,
    /** Acknowledged, but not visible within the staleness bound. */
    CONSISTENCY_TIMEOUT,
    /** Sent, but neither accepted nor rejected within the settle bound. */
    SILENT_DROP,
    BACKPRESSURE_BOUND
  }

  public Violation {
    evidence = List.copyOf(evidence);
  }

  /** Orders violations by the severity of their kinds, then by time. */
  public static Comparator<Violation> mostSevereFirst() {
    return Comparator.comparing(Violation::kind).thenComparingLong(Violation::atNanos);
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
