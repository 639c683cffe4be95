package io.detsim.engine.queue;

import java.util.Arrays;

/**
 * How many items were dequeued over a sliding window of virtual time: a ring of {@link #BUCKETS}
 * buckets, each counting one tenth of the window.
 *
 * <p>The count covers the current, partly elapsed bucket and the nine before it, but is read as a
 * full window: the rate comes out at most 10 % low, which only lengthens a retry-after, the safe
 * side. Times come from the queue, which never lets them go backwards.
 */
final class DequeueRate {
  static final int BUCKETS = 10;

  private final long bucketNanos;
  private final long[] bucketIndex = new long[BUCKETS];
  private final long[] bucketCount = new long[BUCKETS];

  DequeueRate(long windowNanos) {
    this.bucketNanos = windowNanos / BUCKETS;
    Arrays.fill(bucketIndex, Long.MIN_VALUE); // no bucket yet: index 0 is a real bucket
  }

  long windowNanos() {
    return bucketNanos * BUCKETS;
  }

  void record(long nowNanos, int count) {
    if (count == 0) {
      return;
    }
    long index = StrictMath.floorDiv(nowNanos, bucketNanos);
    int slot = (int) StrictMath.floorMod(index, (long) BUCKETS);
    if (bucketIndex[slot] != index) {
      bucketIndex[slot] = index;
      bucketCount[slot] = 0;
    }
    bucketCount[slot] += count;
  }

  /** Items dequeued in the window that ends now. */
  long countInWindow(long nowNanos) {
    long index = StrictMath.floorDiv(nowNanos, bucketNanos);
    long total = 0;
    for (int slot = 0; slot < BUCKETS; slot++) {
      if (bucketIndex[slot] <= index && bucketIndex[slot] > index - BUCKETS) {
        total += bucketCount[slot];
      }
    }
    return total;
  }
}
