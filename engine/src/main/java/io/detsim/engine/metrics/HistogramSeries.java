package io.detsim.engine.metrics;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

/**
 * One histogram series: exact Prometheus bucket counts, an exact count and sum, the exact minimum
 * and maximum, and an HdrHistogram (3 significant digits, so within 0.1 %) for percentiles.
 *
 * <p>A negative value is recorded as 0: a latency measured on a node clock that was stepped back
 * is a fact of the fault model, not a bug, and must not stop the engine. Values above 2^62 are
 * recorded as 2^62 (146 years in nanoseconds), which keeps the sum's arithmetic simple. The
 * HdrHistogram resizes itself to the largest value seen, up to {@link #PERCENTILE_VALUE_MAX}
 * (2^43 ns, 2.4 hours, about 280 KB); a larger value still counts exactly in the buckets, sum and
 * maximum, but enters the percentiles as that cap.
 */
final class HistogramSeries implements Instrument {
  static final long VALUE_MAX = 1L << 62;
  static final long PERCENTILE_VALUE_MAX = 1L << 43;
  private static final int SIGNIFICANT_DIGITS = 3;

  private final List<String> labelValues;
  private final Buckets buckets;
  private final org.HdrHistogram.Histogram percentiles = new org.HdrHistogram.Histogram(SIGNIFICANT_DIGITS);
  /** Per bucket, not cumulative; the last one is {@code +Inf}. */
  private final long[] bucketCounts;
  private long count;
  /** The sum is sumHigh * 2^62 + sumLow, so that it never overflows. */
  private long sumHigh;
  private long sumLow;
  private long min = Long.MAX_VALUE;
  private long max;

  HistogramSeries(List<String> labelValues, Buckets buckets) {
    this.labelValues = labelValues;
    this.buckets = buckets;
    this.bucketCounts = new long[buckets.count() + 1];
  }

  void record(long rawValue) {
    long value = rawValue < 0 ? 0 : (rawValue > VALUE_MAX ? VALUE_MAX : rawValue);
    percentiles.recordValue(value > PERCENTILE_VALUE_MAX ? PERCENTILE_VALUE_MAX : value);
    bucketCounts[buckets.indexOf(value)]++;
    count++;
    sumLow += value; // both below 2^62: no overflow
    if (sumLow >= VALUE_MAX) {
      sumLow -= VALUE_MAX;
      sumHigh++;
    }
    if (value < min) {
      min = value;
    }
    if (value > max) {
      max = value;
    }
  }

  @Override
  public List<String> labelValues() {
    return labelValues;
  }

  @Override
  public HistogramSnapshot sample() {
    List<HistogramSnapshot.Bucket> cumulative = new ArrayList<>(buckets.count());
    long below = 0;
    for (int i = 0; i < buckets.count(); i++) {
      below += bucketCounts[i];
      cumulative.add(new HistogramSnapshot.Bucket(buckets.upperBound(i), below));
    }
    BigInteger sum = BigInteger.valueOf(sumHigh).shiftLeft(62).add(BigInteger.valueOf(sumLow));
    if (count == 0) {
      return new HistogramSnapshot(0, sum, 0, 0, 0, 0, 0, 0, cumulative);
    }
    return new HistogramSnapshot(count, sum, min, percentile(50.0), percentile(90.0), percentile(99.0),
        percentile(99.9), max, cumulative);
  }

  /** HdrHistogram's answer (the top of its sub-bucket), kept within the exact minimum and maximum. */
  private long percentile(double percent) {
    long value = percentiles.getValueAtPercentile(percent);
    return value < min ? min : (value > max ? max : value);
  }
}
