package io.detsim.engine.client;

import io.detsim.sim.port.RandomSource;
import io.detsim.sim.port.Ratio;

/** Exponential backoff with a cap and random jitter: pure helpers, the randomness passed in. */
final class Backoff {
  private Backoff() {}

  /** The next wait after {@code nanos}: twice as long, but not beyond the cap. */
  static long doubled(long nanos, long capNanos) {
    return nanos > capNanos / 2 ? capNanos : Math.max(nanos * 2, 1);
  }

  /**
   * {@code nanos} lengthened by a uniform random share of itself in {@code [0, jitter]}: clients
   * that lost their messages together (a partition, a server restart) then do not retry in lockstep.
   */
  static long jittered(long nanos, Ratio jitter, RandomSource random) {
    if (jitter.isNever()) {
      return nanos;
    }
    // A double product is exact enough here and the same on every JVM (Java 17 arithmetic is strict).
    long extraMax = (long) ((double) nanos * jitter.numerator() / jitter.denominator());
    return nanos + random.nextLong(0, extraMax);
  }
}
