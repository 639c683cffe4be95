package io.detsim.engine.client;

import io.detsim.engine.protocol.Priority;
import io.detsim.sim.port.Check;
import io.detsim.sim.port.RandomSource;

/**
 * How a client spreads its observations over the queue lanes: integer weights per priority.
 *
 * <p>Weights rather than probabilities so that a mix reads as written ({@code 1:8:1}) and the draw
 * is one integer comparison. A mix with a single non-zero weight draws nothing from the random
 * stream, so a fixed priority leaves the stream as it would be without lanes.
 */
public record PriorityMix(int highWeight, int normalWeight, int lowWeight) {

  public PriorityMix {
    Check.argument(highWeight >= 0 && normalWeight >= 0 && lowWeight >= 0,
        "priority weights must not be negative: %d:%d:%d", highWeight, normalWeight, lowWeight);
    Check.argument((long) highWeight + normalWeight + lowWeight > 0, "at least one priority weight must be positive");
  }

  /** Every observation in one lane. */
  public static PriorityMix fixed(Priority priority) {
    switch (priority) {
      case HIGH:
        return new PriorityMix(1, 0, 0);
      case LOW:
        return new PriorityMix(0, 0, 1);
      default:
        return new PriorityMix(0, 1, 0);
    }
  }

  /** The lane of the next observation. */
  Priority draw(RandomSource random) {
    long total = (long) highWeight + normalWeight + lowWeight;
    if (highWeight == total) {
      return Priority.HIGH;
    }
    if (normalWeight == total) {
      return Priority.NORMAL;
    }
    if (lowWeight == total) {
      return Priority.LOW;
    }
    long draw = random.nextLong(total);
    if (draw < highWeight) {
      return Priority.HIGH;
    }
    return draw < (long) highWeight + normalWeight ? Priority.NORMAL : Priority.LOW;
  }
}
