package io.detsim.properties.core;

import java.util.Objects;

/**
 * A property's judgement of one input. A failure names the kind of violation ({@code
 * "lost-write"}, {@code "stale-read"}): shrinking keeps only inputs that fail with the same kind,
 * so that a simpler input which trips a different bug does not replace the one being shrunk.
 */
public sealed interface Verdict permits Verdict.Pass, Verdict.Fail {

  /** The property held. */
  record Pass() implements Verdict {}

  /** The property was violated. */
  record Fail(String kind, String message) implements Verdict {
    public Fail {
      Objects.requireNonNull(kind, "kind");
      Objects.requireNonNull(message, "message");
    }
  }

  static Verdict pass() {
    return new Pass();
  }

  static Verdict fail(String kind, String message) {
    return new Fail(kind, message);
  }

  /** Pass when {@code holds}, otherwise a failure of {@code kind}. */
  static Verdict that(boolean holds, String kind, String message) {
    return holds ? pass() : fail(kind, message);
  }

  default boolean isPass() {
    return this instanceof Pass;
  }
}
