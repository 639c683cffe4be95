package io.detsim.engine.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.math.BigInteger;
import java.util.List;
import org.junit.jupiter.api.Test;

class HistogramSeriesTest {
  private static final long MILLI = 1_000_000L;

  private final HistogramSeries latency = new HistogramSeries(List.of(), Buckets.SECONDS);

  @Test
  void percentiles_ofOneToAThousandMillis_areWithinHdrHistogramsPrecision() {
    for (long millis = 1; millis <= 1_000; millis++) {
      latency.record(millis * MILLI);
    }

    HistogramSnapshot snapshot = latency.sample();
    assertThat(snapshot.count()).isEqualTo(1_000);
    assertThat(snapshot.min()).isEqualTo(MILLI);
    assertThat(snapshot.max()).isEqualTo(1_000 * MILLI);
    assertWithinAThousandth(snapshot.p50(), 500 * MILLI);
    assertWithinAThousandth(snapshot.p90(), 900 * MILLI);
    assertWithinAThousandth(snapshot.p99(), 990 * MILLI);
    assertWithinAThousandth(snapshot.p999(), 999 * MILLI);
    assertThat(snapshot.sum()).isEqualTo(BigInteger.valueOf(500_500 * MILLI));
    assertThat(snapshot.mean()).isCloseTo(500.5 * MILLI, within(1.0));
  }

  @Test
  void percentiles_ofOneValue_areThatValueExactly() {
    latency.record(1_234_567);

    HistogramSnapshot snapshot = latency.sample();
    assertThat(List.of(snapshot.min(), snapshot.p50(), snapshot.p90(), snapshot.p99(), snapshot.p999(),
        snapshot.max())).containsOnly(1_234_567L);
  }

  @Test
  void buckets_countAValueOnABoundInThatBucket_andAreCumulative() {
    latency.record(5 * MILLI); // exactly the 0.005 bound
    latency.record(5 * MILLI + 1);
    latency.record(61_000 * MILLI); // above the last bound: only in +Inf

    HistogramSnapshot snapshot = latency.sample();
    assertThat(cumulativeAt(snapshot, 5 * MILLI)).isEqualTo(1);
    assertThat(cumulativeAt(snapshot, 2_500_000)).isZero();
    assertThat(cumulativeAt(snapshot, 10 * MILLI)).isEqualTo(2);
    assertThat(cumulativeAt(snapshot, 60_000 * MILLI)).isEqualTo(2);
    assertThat(snapshot.count()).isEqualTo(3);
    assertThat(snapshot.buckets()).extracting(HistogramSnapshot.Bucket::cumulativeCount).isSorted();
  }

  @Test
  void sum_staysExactPastTheRangeOfALong() {
    for (int i = 0; i < 5; i++) {
      latency.record(Long.MAX_VALUE); // recorded as 2^62
    }

    HistogramSnapshot snapshot = latency.sample();
    assertThat(snapshot.sum()).isEqualTo(BigInteger.valueOf(5).shiftLeft(62));
    assertThat(snapshot.max()).isEqualTo(HistogramSeries.VALUE_MAX);
    assertThat(snapshot.p50()).isLessThanOrEqualTo(snapshot.max());
  }

  @Test
  void negativeValues_areRecordedAsZero() {
    latency.record(-5);

    HistogramSnapshot snapshot = latency.sample();
    assertThat(snapshot.count()).isEqualTo(1);
    assertThat(snapshot.sum()).isEqualTo(BigInteger.ZERO);
    assertThat(snapshot.max()).isZero();
  }

  @Test
  void empty_readsZeroEverywhere() {
    HistogramSnapshot snapshot = latency.sample();

    assertThat(List.of(snapshot.count(), snapshot.min(), snapshot.p50(), snapshot.p999(), snapshot.max()))
        .containsOnly(0L);
    assertThat(snapshot.buckets()).hasSize(20).allSatisfy(bucket -> assertThat(bucket.cumulativeCount()).isZero());
  }

  @Test
  void buckets_ofBatchSizes_areTheOriginalDesignsInItems() {
    HistogramSeries batchSize = new HistogramSeries(List.of("0"), Buckets.ITEMS);
    batchSize.record(100);
    batchSize.record(500);

    assertThat(batchSize.sample().buckets()).extracting(HistogramSnapshot.Bucket::upperBound)
        .containsExactly(1L, 10L, 50L, 100L, 250L, 500L, 1_000L);
    assertThat(cumulativeAt(batchSize.sample(), 100)).isEqualTo(1);
    assertThat(cumulativeAt(batchSize.sample(), 250)).isEqualTo(1);
    assertThat(cumulativeAt(batchSize.sample(), 500)).isEqualTo(2);
  }

  private static long cumulativeAt(HistogramSnapshot snapshot, long upperBound) {
    return snapshot.buckets().stream().filter(bucket -> bucket.upperBound() == upperBound).findFirst()
        .orElseThrow().cumulativeCount();
  }

  private static void assertWithinAThousandth(long actual, long expected) {
    assertThat((double) actual).isCloseTo(expected, within(expected / 1_000.0));
  }
}
