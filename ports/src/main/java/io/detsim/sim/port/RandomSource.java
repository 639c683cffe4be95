package io.detsim.sim.port;

/**
 * A stream of random numbers. In simulation it is seeded and named, so a run replays exactly and
 * a new draw in one subsystem shifts no other subsystem's stream.
 *
 * <p>Implementations give the same sequence on every JDK and machine: the generator is detsim's
 * own, and derived values use integer arithmetic or {@link StrictMath}.
 */
public interface RandomSource {

  /** A uniformly distributed 64-bit value. */
  long nextLong();

  /** Uniform in {@code [0, bound)}, without modulo bias. */
  long nextLong(long bound);

  /** Uniform in {@code [min, max]}, both inclusive. */
  default long nextLong(long min, long max) {
    if (max < min) {
      throw new IllegalArgumentException("empty range [" + min + ", " + max + "]");
    }
    long span = max - min + 1;
    if (span <= 0) { // the whole long range, or more than Long.MAX_VALUE values
      long value;
      do {
        value = nextLong();
      } while (value < min || value > max);
      return value;
    }
    return min + nextLong(span);
  }

  /** Uniform in {@code [0, bound)}. */
  default int nextInt(int bound) {
    return (int) nextLong(bound);
  }

  /** Uniform in {@code [0, 1)} with 53 bits of precision. */
  default double nextDouble() {
    return (nextLong() >>> 11) * 0x1.0p-53;
  }

  /** True with exactly the given probability. */
  default boolean chance(Ratio ratio) {
    if (ratio.numerator() == 0) {
      return false;
    }
    if (ratio.numerator() == ratio.denominator()) {
      return true;
    }
    return nextLong(ratio.denominator()) < ratio.numerator();
  }

  /** A standard normal value (Box-Muller with {@link StrictMath}, so it is the same everywhere). */
  default double nextGaussian() {
    double u1;
    do {
      u1 = nextDouble();
    } while (u1 == 0.0);
    double u2 = nextDouble();
    return StrictMath.sqrt(-2.0 * StrictMath.log(u1)) * StrictMath.cos(2.0 * StrictMath.PI * u2);
  }
}
