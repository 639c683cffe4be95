package io.detsim.engine.metrics;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The fixed upper bounds of a histogram's Prometheus buckets, in the recorded unit, and how the
 * unit is exported.
 *
 * <p>Latencies are recorded in nanoseconds and exported in seconds (the Prometheus convention).
 * Their bounds, in seconds: 0.0001, 0.00025, 0.0005, 0.001, 0.0025, 0.005, 0.01, 0.015, 0.02,
 * 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60. They hold every bound of the original
 * design's two lists (observations: .001 .005 .01 .05 .1 .5 1 5; recalls: .001 .005 .01 .02 .05
 * .1 .5), so its alert rules read the same, and every latency target of docs/engine.md (P50 5 ms, P90
 * 15 ms, P99 50 ms, P99.9 100 ms; recall P99 20 ms), so the share of requests within a target is
 * exact rather than interpolated. The sub-millisecond bounds are for virtual time, where a step
 * can take no time at all; 60 s is the longest a client plausibly waits.
 *
 * <p>Batch sizes are recorded and exported in items, with the original design's bounds: 1, 10,
 * 50, 100, 250, 500, 1000 (they hold the adaptive sizes 10, 100 and 500 and the sweep's 10 to
 * 1,000).
 *
 * <p>Bucket counts are kept exactly, next to the HdrHistogram that answers percentiles, so a
 * bucket never depends on HdrHistogram's rounding.
 */
final class Buckets {
  private static final long NANOS_PER_SECOND = 1_000_000_000L;

  static final Buckets SECONDS = new Buckets(9, new long[] {
      100_000L, 250_000L, 500_000L,
      1_000_000L, 2_500_000L, 5_000_000L, 10_000_000L, 15_000_000L, 20_000_000L, 25_000_000L,
      50_000_000L, 100_000_000L, 250_000_000L, 500_000_000L,
      NANOS_PER_SECOND, 2_500_000_000L, 5 * NANOS_PER_SECOND, 10 * NANOS_PER_SECOND,
      30 * NANOS_PER_SECOND, 60 * NANOS_PER_SECOND});

  static final Buckets ITEMS = new Buckets(0, new long[] {1, 10, 50, 100, 250, 500, 1_000});

  /** The exported value is the recorded one times 10^-exportScale (9: nanoseconds to seconds). */
  private final int exportScale;
  private final long[] upperBounds;
  private final List<String> upperBoundTexts;

  private Buckets(int exportScale, long[] upperBounds) {
    for (int i = 1; i < upperBounds.length; i++) {
      if (upperBounds[i] <= upperBounds[i - 1]) {
        throw new IllegalArgumentException("bucket bounds must rise: " + Arrays.toString(upperBounds));
      }
    }
    this.exportScale = exportScale;
    this.upperBounds = upperBounds.clone();
    List<String> texts = new ArrayList<>();
    for (long bound : upperBounds) {
      texts.add(exported(BigDecimal.valueOf(bound)));
    }
    this.upperBoundTexts = List.copyOf(texts);
  }

  /** Finite buckets; the {@code +Inf} bucket comes after them. */
  int count() {
    return upperBounds.length;
  }

  long upperBound(int index) {
    return upperBounds[index];
  }

  /** The {@code le} label value of a finite bucket, e.g. "0.005" for 5 ms. */
  String upperBoundText(int index) {
    return upperBoundTexts.get(index);
  }

  /** The first bucket whose bound is at least {@code value}; {@link #count()} for {@code +Inf}. */
  int indexOf(long value) {
    int found = Arrays.binarySearch(upperBounds, value);
    return found >= 0 ? found : -found - 1;
  }

  /** A recorded amount (a sum, say) in the exported unit, as exact decimal text: "0.0015", "12". */
  String exported(BigDecimal recorded) {
    BigDecimal value = recorded.movePointLeft(exportScale).stripTrailingZeros();
    return value.signum() == 0 ? "0" : value.toPlainString();
  }
}
