package io.detsim.bench.real;

/**
 * The fixed timetable of an open-loop run: observation {@code i} is due at
 * {@code startNanos + i / rate}, whatever happened to the ones before it. The first
 * {@code warmupNanos} are sent but not measured.
 */
record Schedule(long startNanos, long ratePerSecond, long warmupNanos, long measureNanos) {
  private static final long SECOND_NANOS = 1_000_000_000L;

  Schedule {
    if (ratePerSecond <= 0 || warmupNanos < 0 || measureNanos <= 0) {
      throw new IllegalArgumentException("needs rate > 0, warm-up >= 0, measurement > 0");
    }
  }

  /** How many observations the whole run (warm-up and measurement) sends. */
  long total() {
    return Math.multiplyExact(ratePerSecond, warmupNanos + measureNanos) / SECOND_NANOS;
  }

  /** The intended send time of observation {@code index}: the moment latency is measured from. */
  long intendedNanos(long index) {
    return startNanos + (long) ((double) index * SECOND_NANOS / ratePerSecond);
  }

  long measureStartNanos() {
    return startNanos + warmupNanos;
  }

  long measureEndNanos() {
    return startNanos + warmupNanos + measureNanos;
  }

  boolean isMeasured(long intendedNanos) {
    return intendedNanos >= measureStartNanos() && intendedNanos < measureEndNanos();
  }

  double measureSeconds() {
    return measureNanos / (double) SECOND_NANOS;
  }
}
