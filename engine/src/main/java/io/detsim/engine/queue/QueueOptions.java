package io.detsim.engine.queue;

import io.detsim.engine.protocol.Priority;

/**
 * Settings of an {@link ObservationQueue}. Build from {@link #defaults()} or {@link #ofCapacity} and
 * change with the {@code with*} methods; the constructor checks every field.
 *
 * @param totalCapacity bounds the sum of the lanes (at most their total); pressure is measured on it
 * @param lowPromotionNanos after waiting this long a LOW item is served like a NORMAL one that
 *     arrived when it did, so LOW cannot starve behind a steady NORMAL stream
 * @param rateWindowNanos the sliding window of virtual time over which the dequeue rate is measured
 * @param retryAfterIdleNanos the retry-after when the queue barely drains (under one item a second)
 * @param retryAfterMaxNanos the longest retry-after ever given
 */
public record QueueOptions(
    int highCapacity,
    int normalCapacity,
    int lowCapacity,
    int totalCapacity,
    long lowPromotionNanos,
    long rateWindowNanos,
    long retryAfterIdleNanos,
    long retryAfterMaxNanos) {
  static final long SECOND_NANOS = 1_000_000_000L;
  /** A floor: a retry sooner than this would only make a retry storm. */
  static final long RETRY_AFTER_MIN_NANOS = 1_000_000L;

  public QueueOptions {
    if (highCapacity < 0 || normalCapacity < 0 || lowCapacity < 0) {
      throw new IllegalArgumentException("lane capacities must not be negative");
    }
    long laneSum = (long) highCapacity + normalCapacity + lowCapacity;
    if (totalCapacity < 1 || totalCapacity > laneSum) {
      throw new IllegalArgumentException(
          "total capacity must be in [1, sum of lanes = " + laneSum + "]: " + totalCapacity);
    }
    if (lowPromotionNanos < 0) {
      throw new IllegalArgumentException("LOW promotion wait must not be negative: " + lowPromotionNanos);
    }
    if (rateWindowNanos < DequeueRate.BUCKETS) {
      throw new IllegalArgumentException("rate window must be at least " + DequeueRate.BUCKETS + " ns");
    }
    if (retryAfterIdleNanos < RETRY_AFTER_MIN_NANOS || retryAfterMaxNanos < retryAfterIdleNanos) {
      throw new IllegalArgumentException("needs 1 ms <= retryAfterIdle <= retryAfterMax");
    }
  }

  /**
   * The original design's lanes (HIGH 10,000, NORMAL 100,000, LOW 50,000; total 160,000), LOW
   * promoted after 1 s, rate measured over 1 s, retry-after 60 s when barely draining and at most
   * 300 s.
   */
  public static QueueOptions defaults() {
    return new QueueOptions(10_000, 100_000, 50_000, 160_000, SECOND_NANOS, SECOND_NANOS, 60 * SECOND_NANOS,
        300 * SECOND_NANOS);
  }

  /** One capacity shared by all lanes: each lane may hold up to all of it. */
  public static QueueOptions ofCapacity(int capacity) {
    return defaults().withLaneCapacities(capacity, capacity, capacity).withTotalCapacity(capacity);
  }

  /** Sets the lanes; the total becomes their sum (at most {@code Integer.MAX_VALUE}). */
  public QueueOptions withLaneCapacities(int high, int normal, int low) {
    int sum = (int) StrictMath.min(Integer.MAX_VALUE, (long) high + normal + low);
    return new QueueOptions(high, normal, low, sum, lowPromotionNanos, rateWindowNanos,
        retryAfterIdleNanos, retryAfterMaxNanos);
  }

  public QueueOptions withTotalCapacity(int total) {
    return new QueueOptions(highCapacity, normalCapacity, lowCapacity, total, lowPromotionNanos, rateWindowNanos,
        retryAfterIdleNanos, retryAfterMaxNanos);
  }

  public QueueOptions withLowPromotionNanos(long promotionNanos) {
    return new QueueOptions(highCapacity, normalCapacity, lowCapacity, totalCapacity, promotionNanos, rateWindowNanos,
        retryAfterIdleNanos, retryAfterMaxNanos);
  }

  public QueueOptions withRateWindowNanos(long windowNanos) {
    return new QueueOptions(highCapacity, normalCapacity, lowCapacity, totalCapacity, lowPromotionNanos, windowNanos,
        retryAfterIdleNanos, retryAfterMaxNanos);
  }

  public QueueOptions withRetryAfterNanos(long idleNanos, long maxNanos) {
    return new QueueOptions(highCapacity, normalCapacity, lowCapacity, totalCapacity, lowPromotionNanos,
        rateWindowNanos, idleNanos, maxNanos);
  }

  public int capacity(Priority lane) {
    switch (lane) {
      case HIGH:
        return highCapacity;
      case NORMAL:
        return normalCapacity;
      default:
        return lowCapacity;
    }
  }
}
