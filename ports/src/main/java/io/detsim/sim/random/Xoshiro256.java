package io.detsim.sim.random;

import io.detsim.sim.port.RandomSource;

/**
 * xoshiro256** 1.0 [1], seeded through SplitMix64 [2] as its authors recommend.
 *
 * <p>Ours rather than {@code java.util.Random} or {@code RandomGenerator.of(...)}: a JDK upgrade
 * cannot change a run, and {@code RandomSourceTest} pins the first outputs of a known seed. Not
 * thread-safe: a simulation is single-threaded, and each subsystem has its own stream.
 *
 * <p>[1] D. Blackman, S. Vigna, "Scrambled linear pseudorandom number generators", ACM TOMS 2021.
 * [2] G. Steele, D. Lea, C. Flood, "Fast splittable pseudorandom number generators", OOPSLA 2014.
 */
public final class Xoshiro256 implements RandomSource {
  private long s0;
  private long s1;
  private long s2;
  private long s3;

  public Xoshiro256(long seed) {
    long x = seed;
    x += SplitMix64.GOLDEN_GAMMA;
    s0 = SplitMix64.mix(x);
    x += SplitMix64.GOLDEN_GAMMA;
    s1 = SplitMix64.mix(x);
    x += SplitMix64.GOLDEN_GAMMA;
    s2 = SplitMix64.mix(x);
    x += SplitMix64.GOLDEN_GAMMA;
    s3 = SplitMix64.mix(x);
  }

  private Xoshiro256(long s0, long s1, long s2, long s3) {
    this.s0 = s0;
    this.s1 = s1;
    this.s2 = s2;
    this.s3 = s3;
  }

  /** A generator in a given raw state: for checking against the reference implementation. */
  static Xoshiro256 fromState(long s0, long s1, long s2, long s3) {
    return new Xoshiro256(s0, s1, s2, s3);
  }

  @Override
  public long nextLong() {
    long result = Long.rotateLeft(s1 * 5, 7) * 9;
    long t = s1 << 17;
    s2 ^= s0;
    s3 ^= s1;
    s1 ^= s2;
    s0 ^= s3;
    s2 ^= t;
    s3 = Long.rotateLeft(s3, 45);
    return result;
  }

  /** Lemire's nearly divisionless method, made exact by rejection: no modulo bias. */
  @Override
  public long nextLong(long bound) {
    if (bound <= 0) {
      throw new IllegalArgumentException("bound must be positive: " + bound);
    }
    if ((bound & (bound - 1)) == 0) {
      return nextLong() & (bound - 1);
    }
    long threshold = Long.remainderUnsigned(-bound, bound);
    while (true) {
      long r = nextLong();
      long low = r * bound;
      if (Long.compareUnsigned(low, threshold) >= 0) {
        return Math.multiplyHigh(r, bound) + ((r >> 63) & bound);
      }
    }
  }
}
