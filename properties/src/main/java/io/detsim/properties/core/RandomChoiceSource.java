package io.detsim.properties.core;

import io.detsim.sim.port.Ratio;
import io.detsim.sim.port.RandomSource;

/**
 * Fresh choices from a seeded {@link RandomSource}, recorded as they are drawn.
 *
 * <p>Small ranges (at most {@value #UNIFORM_UP_TO} values) are drawn uniformly, so the simple
 * distributions users reason about ({@code ints(0, 9)}, a fair coin) are exact. Larger ranges are
 * biased toward their edges: with probability 1/16 each the minimum, the maximum, or a value within
 * 8 of the simplest value (the one closest to 0, which for detsim's integer generators is the
 * target). Bugs cluster at boundaries, and a uniform draw from a range of a million values almost
 * never hits one; QuickCheck and Hypothesis bias their integers the same way. The bias changes no
 * recorded value's meaning, so replay and shrinking are unaffected.
 */
final class RandomChoiceSource extends RecordingChoiceSource {
  static final long UNIFORM_UP_TO = 16;
  private static final long NEAR_SIMPLEST = 8;

  private final RandomSource random;

  RandomChoiceSource(RandomSource random) {
    this.random = random;
  }

  @Override
  long draw(long min, long max) {
    long spanMinusOne = max - min; // negative when the range holds more than 2^63 values
    if (spanMinusOne >= 0 && spanMinusOne < UNIFORM_UP_TO) {
      return random.nextLong(min, max);
    }
    long edge = random.nextLong(16);
    if (edge == 0) {
      return min;
    }
    if (edge == 1) {
      return max;
    }
    if (edge == 2) {
      return nearSimplest(min, max);
    }
    return random.nextLong(min, max);
  }

  @Override
  boolean drawChance(Ratio trueRatio) {
    return random.chance(trueRatio);
  }

  private long nearSimplest(long min, long max) {
    long simplest = clamp(0, min, max);
    long offset = random.nextLong(-NEAR_SIMPLEST, NEAR_SIMPLEST);
    long near = simplest + offset;
    boolean overflowed = (offset > 0 && near < simplest) || (offset < 0 && near > simplest);
    return overflowed ? simplest : clamp(near, min, max);
  }
}
