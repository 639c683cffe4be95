package io.detsim.engine.queue;

/**
 * The retry-after given with OVER_CAPACITY (docs/engine.md, after the original's
 * {@code calculate_retry_after}): the time to drain half the queue at the measured dequeue rate;
 * the idle value (60 s) when the queue drains under one item a second; never more than the maximum
 * (300 s) and never under 1 ms. Integer arithmetic throughout, so every machine gives the same value.
 */
final class RetryAfter {
  private RetryAfter() {}

  /**
   * @param depth items queued now
   * @param dequeued items dequeued during the last {@code windowNanos}
   */
  static long nanos(int depth, long dequeued, long windowNanos, long idleNanos, long maxNanos) {
    // Under one item a second: dequeued < window / 1 s, which for an integer count is the same as
    // dequeued < ceil(window / 1 s).
    long secondsCeiling =
        windowNanos / QueueOptions.SECOND_NANOS + (windowNanos % QueueOptions.SECOND_NANOS == 0 ? 0 : 1);
    if (dequeued < secondsCeiling) {
      return idleNanos;
    }
    long half = depth - depth / 2;
    // half * window / dequeued without overflow: dequeued is capped at 2^31 (a rate that high makes
    // the answer the floor anyway), half < 2^31, so half * rest < 2^62.
    long count = StrictMath.min(dequeued, Integer.MAX_VALUE);
    long whole = windowNanos / count;
    long rest = windowNanos % count;
    if (whole > 0 && half > maxNanos / whole) {
      return maxNanos;
    }
    long drainNanos = half * whole + half * rest / count;
    return StrictMath.max(QueueOptions.RETRY_AFTER_MIN_NANOS, StrictMath.min(maxNanos, drainNanos));
  }
}
