package io.detsim.sim.random;

import io.detsim.sim.port.RandomSource;

/** The named, independent random streams of one run. */
public final class RandomStreams {
  private final long seed;

  public RandomStreams(long seed) {
    this.seed = seed;
  }

  public long seed() {
    return seed;
  }

  /** A fresh generator for stream {@code name}: the same name always starts at the same point. */
  public RandomSource stream(String name) {
    return new Xoshiro256(SplitMix64.streamSeed(seed, name));
  }
}
