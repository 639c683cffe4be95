package io.detsim.properties.core;

import java.util.Objects;

/**
 * How a property is run.
 *
 * @param tries how many random inputs to check (random mode)
 * @param startSeed the seed of the run; try {@code i} uses {@link PropertyRunner#seedOfTry}
 * @param mode random tries, or every input of a small space
 * @param maxShrinkAttempts the shrinker's budget of candidate runs
 * @param maxExhaustiveCases the most paths exhaustive mode explores
 */
public record PropertyConfig(int tries, long startSeed, Mode mode, int maxShrinkAttempts, int maxExhaustiveCases) {

  public enum Mode {
    /** {@code tries} inputs drawn from seeded random choices. */
    RANDOM,
    /** Every input, depth-first over the choices, up to {@code maxExhaustiveCases}. */
    EXHAUSTIVE
  }

  public PropertyConfig {
    Objects.requireNonNull(mode, "mode");
    if (tries < 1 || maxShrinkAttempts < 0 || maxExhaustiveCases < 1) {
      throw new IllegalArgumentException(String.format(java.util.Locale.ROOT,
          "a property config needs tries >= 1, maxShrinkAttempts >= 0, maxExhaustiveCases >= 1: %d, %d, %d",
          tries, maxShrinkAttempts, maxExhaustiveCases));
    }
  }

  /** 100 random tries from seed 0, up to 5,000 shrink attempts, up to 100,000 exhaustive cases. */
  public static PropertyConfig defaults() {
    return new PropertyConfig(100, 0L, Mode.RANDOM, 5_000, 100_000);
  }

  public PropertyConfig withTries(int newTries) {
    return new PropertyConfig(newTries, startSeed, mode, maxShrinkAttempts, maxExhaustiveCases);
  }

  public PropertyConfig withStartSeed(long newStartSeed) {
    return new PropertyConfig(tries, newStartSeed, mode, maxShrinkAttempts, maxExhaustiveCases);
  }

  public PropertyConfig withMaxShrinkAttempts(int newMaxShrinkAttempts) {
    return new PropertyConfig(tries, startSeed, mode, newMaxShrinkAttempts, maxExhaustiveCases);
  }

  /** Exhaustive mode over at most {@code maxCases} paths. */
  public PropertyConfig exhaustive(int maxCases) {
    return new PropertyConfig(tries, startSeed, Mode.EXHAUSTIVE, maxShrinkAttempts, maxCases);
  }

  public PropertyConfig random() {
    return new PropertyConfig(tries, startSeed, Mode.RANDOM, maxShrinkAttempts, maxExhaustiveCases);
  }
}
