package io.detsim.engine.metrics;

import java.math.BigInteger;
import java.util.List;
import java.util.Objects;

/**
 * An immutable reading of one histogram series, in the recorded unit: nanoseconds for latencies,
 * items for batch sizes. Count, sum, minimum, maximum and bucket counts are exact; the percentiles
 * come from HdrHistogram with 3 significant digits (within 0.1 %), clamped to the exact minimum
 * and maximum. An empty histogram reads 0 everywhere.
 *
 * @param sum exact: it never overflows
 * @param p999 the 99.9th percentile
 * @param buckets the finite Prometheus buckets in rising order, cumulative; {@code +Inf} is
 *     {@code count}
 */
public record HistogramSnapshot(long count, BigInteger sum, long min, long p50, long p90, long p99, long p999,
    long max, List<Bucket> buckets) implements Sample {

  /**
   * @param upperBound inclusive, in the recorded unit
   * @param cumulativeCount values at most {@code upperBound}
   */
  public record Bucket(long upperBound, long cumulativeCount) {}

  public HistogramSnapshot {
    Objects.requireNonNull(sum, "sum");
    buckets = List.copyOf(buckets);
  }

  /** The mean in the recorded unit, or 0 when empty. */
  public double mean() {
    return count == 0 ? 0.0 : sum.doubleValue() / count;
  }
}
