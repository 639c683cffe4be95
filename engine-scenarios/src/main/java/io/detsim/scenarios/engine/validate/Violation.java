package io.detsim.scenarios.engine.validate;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * A broken guarantee: its kind (what shrinking must keep), what happened, when, and the evidence.
 * The kinds are the validators' error kinds of the original design, plus ours. A violation that
 * is an exception (a node or a check threw) keeps it as its cause, so the report shows its stack
 * trace, not only its message.
 */
public record Violation(Kind kind, String message, long atNanos, List<String> evidence, Optional<Throwable> cause) {
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
    /**
     * A client heard an answer a correct server never gives: an answer for a number it never sent,
     * an ACCEPTED after a final refusal, a memory id it did not send ({@code ClientView#anomalies}).
     */
    PROTOCOL_VIOLATION,
    /** A recall returned what its space or snapshot does not hold. */
    PHANTOM_RESULT,
    /**
     * A recall answered in full returned fewer results than it asked for and its generation held, or
     * captured a snapshot without an observation its client had heard INDEXED for.
     */
    RECALL_INCOMPLETE,
    /** A recall's results are not what its cue asks for: wrong similarities, not best first, or not the nearest. */
    RECALL_WRONG,
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

  /** A violation a check found, with its evidence and no exception. */
  public Violation(Kind kind, String message, long atNanos, List<String> evidence) {
    this(kind, message, atNanos, evidence, Optional.empty());
  }

  /** Orders violations by the severity of their kinds, then by time. */
  public static Comparator<Violation> mostSevereFirst() {
    return Comparator.comparing(Violation::kind).thenComparingLong(Violation::atNanos);
  }

  public static Violation of(Kind kind, long atNanos, String message) {
    return new Violation(kind, message, atNanos, List.of());
  }

  /** {@code thrown} ended the run at {@code atNanos}: a {@link Kind#CRASH} that keeps it as its cause. */
  public static Violation thrown(long atNanos, Throwable thrown) {
    return new Violation(Kind.CRASH, thrown.getClass().getSimpleName() + ": " + thrown.getMessage(), atNanos, List.of(),
        Optional.of(thrown));
  }

  /** {@code DATA_LOSS at 1.25s: 3 acknowledged observations missing: a-1, a-7, b-3}. */
  @Override
  public String toString() {
    return kind + " at " + atNanos + "ns: " + message;
  }
}
