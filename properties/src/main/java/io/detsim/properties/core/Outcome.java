package io.detsim.properties.core;

import java.util.Objects;

/**
 * What running one choice sequence gave: the shrinker's view of a test case.
 *
 * <p>A run reports the sequence it actually consumed: the values after clamping, without the
 * choices it never read. The shrinker continues from that sequence, so unused trailing choices
 * vanish and the spans are those of the regenerated value.
 */
public sealed interface Outcome permits Outcome.Pass, Outcome.Fail, Outcome.Invalid {

  /** The input was generated and the property held. */
  record Pass(ChoiceSequence consumed) implements Outcome {
    public Pass {
      Objects.requireNonNull(consumed, "consumed");
    }
  }

  /** The input was generated and the property failed with a violation of {@code kind}. */
  record Fail(String kind, String message, ChoiceSequence consumed) implements Outcome {
    public Fail {
      Objects.requireNonNull(kind, "kind");
      Objects.requireNonNull(message, "message");
      Objects.requireNonNull(consumed, "consumed");
    }
  }

  /** No input could be generated from the sequence (a filter gave up, say): neither pass nor fail. */
  record Invalid(String reason) implements Outcome {
    public Invalid {
      Objects.requireNonNull(reason, "reason");
    }
  }
}
