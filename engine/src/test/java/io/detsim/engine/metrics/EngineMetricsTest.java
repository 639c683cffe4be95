package io.detsim.engine.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.detsim.engine.protocol.Priority;
import io.detsim.engine.protocol.RejectReason;
import io.detsim.engine.protocol.SpaceId;
import io.detsim.engine.queue.PressureState;
import java.math.BigInteger;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Random;
import org.junit.jupiter.api.Test;

class EngineMetricsTest {
  private static final SpaceId ALPHA = SpaceId.of("alpha");
  private static final SpaceId BETA = SpaceId.of("beta");
  private static final long MILLI = 1_000_000L;
  private static final List<String> COUNTERS = List.of(MetricNames.OBSERVATIONS_TOTAL,
      MetricNames.OBSERVATIONS_REJECTED_TOTAL, MetricNames.BACKPRESSURE_ACTIVATIONS_TOTAL,
      MetricNames.BATCHES_PROCESSED_TOTAL, MetricNames.BATCH_FAILURES_TOTAL, MetricNames.WORK_STOLEN_TOTAL);

  /** The hand-driven clock the metrics read. */
  private long nowNanos = 5_000 * MILLI;
  private final EngineMetrics metrics = new EngineMetrics(() -> nowNanos);

  @Test
  void observationReceived_countsBySpaceAndPriority() {
    metrics.observationReceived(ALPHA, Priority.HIGH);
    metrics.observationReceived(ALPHA, Priority.HIGH);
    metrics.observationReceived(ALPHA, Priority.LOW);
    metrics.observationReceived(BETA, Priority.HIGH);

    MetricsSnapshot snapshot = metrics.snapshot();
    assertThat(snapshot.counter(MetricNames.OBSERVATIONS_TOTAL, "alpha", "high")).isEqualTo(2);
    assertThat(snapshot.counter(MetricNames.OBSERVATIONS_TOTAL, "alpha", "low")).isEqualTo(1);
    assertThat(snapshot.counter(MetricNames.OBSERVATIONS_TOTAL, "beta", "high")).isEqualTo(1);
    assertThat(snapshot.counter(MetricNames.OBSERVATIONS_TOTAL, "beta", "normal")).isZero();
    assertThat(snapshot.contains(MetricNames.OBSERVATIONS_TOTAL, "beta", "normal")).isFalse();
    assertThat(snapshot.labelNames(MetricNames.OBSERVATIONS_TOTAL)).containsExactly("memory_space", "priority");
  }

  @Test
  void observationRejected_countsByReason_andAnUnknownSpaceAsEmpty() {
    metrics.observationRejected(ALPHA, RejectReason.OVER_CAPACITY);
    metrics.observationRejected(ALPHA, RejectReason.SEQUENCE_GAP);
    metrics.observationRejected(RejectReason.SESSION_UNKNOWN);
    metrics.observationRejected(RejectReason.SESSION_UNKNOWN);

    MetricsSnapshot snapshot = metrics.snapshot();
    assertThat(snapshot.counter(MetricNames.OBSERVATIONS_REJECTED_TOTAL, "alpha", "over_capacity")).isEqualTo(1);
    assertThat(snapshot.counter(MetricNames.OBSERVATIONS_REJECTED_TOTAL, "alpha", "sequence_gap")).isEqualTo(1);
    assertThat(snapshot.counter(MetricNames.OBSERVATIONS_REJECTED_TOTAL, "", "session_unknown")).isEqualTo(2);
    assertThat(snapshot.counter(MetricNames.OBSERVATIONS_TOTAL, "alpha", "high")).isZero();
  }

  @Test
  void backpressure_countsActivationsByLevel_andExportsTheStateAsItsLevel() {
    metrics.backpressureActivated(ALPHA, PressureState.CRITICAL);
    metrics.backpressureActivated(ALPHA, PressureState.CRITICAL);
    metrics.backpressureActivated(ALPHA, PressureState.OVERLOADED);
    metrics.backpressureState(ALPHA, PressureState.OVERLOADED);
    metrics.backpressureState(BETA, PressureState.WARNING);

    MetricsSnapshot snapshot = metrics.snapshot();
    assertThat(snapshot.counter(MetricNames.BACKPRESSURE_ACTIVATIONS_TOTAL, "alpha", "critical")).isEqualTo(2);
    assertThat(snapshot.counter(MetricNames.BACKPRESSURE_ACTIVATIONS_TOTAL, "alpha", "overloaded")).isEqualTo(1);
    assertThat(snapshot.gauge(MetricNames.BACKPRESSURE_STATE, "alpha")).isEqualTo(3.0);
    assertThat(snapshot.gauge(MetricNames.BACKPRESSURE_STATE, "beta")).isEqualTo(1.0);
  }

  @Test
  void workerCounters_countPerWorker() {
    metrics.batchProcessed(0);
    metrics.batchProcessed(0);
    metrics.batchProcessed(3);
    metrics.batchFailed(3, "HnswInsertError");
    metrics.workStolen(1);

    MetricsSnapshot snapshot = metrics.snapshot();
    assertThat(snapshot.counter(MetricNames.BATCHES_PROCESSED_TOTAL, "0")).isEqualTo(2);
    assertThat(snapshot.counter(MetricNames.BATCHES_PROCESSED_TOTAL, "3")).isEqualTo(1);
    assertThat(snapshot.counter(MetricNames.BATCH_FAILURES_TOTAL, "3", "HnswInsertError")).isEqualTo(1);
    assertThat(snapshot.counter(MetricNames.WORK_STOLEN_TOTAL, "1")).isEqualTo(1);
    assertThat(snapshot.counter(MetricNames.WORK_STOLEN_TOTAL, "0")).isZero();
  }

  @Test
  void gauges_readTheLastValueSet() {
    metrics.queueDepth(Priority.NORMAL, 40);
    metrics.queueDepth(Priority.NORMAL, 12);
    metrics.queueDepth(Priority.LOW, 7);
    metrics.activeSessions(3);
    metrics.queueMemoryBytes(4_096);

    MetricsSnapshot snapshot = metrics.snapshot();
    assertThat(snapshot.gauge(MetricNames.QUEUE_DEPTH, "normal")).isEqualTo(12.0);
    assertThat(snapshot.gauge(MetricNames.QUEUE_DEPTH, "low")).isEqualTo(7.0);
    assertThat(snapshot.gauge(MetricNames.ACTIVE_SESSIONS_TOTAL)).isEqualTo(3.0);
    assertThat(snapshot.gauge(MetricNames.QUEUE_MEMORY_BYTES)).isEqualTo(4_096.0);
    assertThatThrownBy(() -> snapshot.gauge(MetricNames.QUEUE_DEPTH, "high"))
        .isInstanceOf(NoSuchElementException.class);
  }

  @Test
  void workerUtilization_isExportedInPercent_clampedToTheWindow() {
    metrics.workerUtilization(0, 0.25);
    metrics.workerUtilization(1, 1.5);
    metrics.workerUtilization(2, /* busyNanos= */ 300 * MILLI, /* windowNanos= */ 400 * MILLI);
    metrics.workerUtilization(3, /* busyNanos= */ -1, /* windowNanos= */ 400 * MILLI);

    MetricsSnapshot snapshot = metrics.snapshot();
    assertThat(snapshot.gauge(MetricNames.WORKER_UTILIZATION, "0")).isEqualTo(25.0);
    assertThat(snapshot.gauge(MetricNames.WORKER_UTILIZATION, "1")).isEqualTo(100.0);
    assertThat(snapshot.gauge(MetricNames.WORKER_UTILIZATION, "2")).isEqualTo(75.0);
    assertThat(snapshot.gauge(MetricNames.WORKER_UTILIZATION, "3")).isEqualTo(0.0);
    assertThatThrownBy(() -> metrics.workerUtilization(0, Double.NaN)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void workerUtilization_overAWindowOfNoTime_leavesTheGaugeAsItWas() {
    metrics.workerUtilization(0, 0.5);
    metrics.workerUtilization(0, /* busyNanos= */ 10, /* windowNanos= */ -20);

    assertThat(metrics.snapshot().gauge(MetricNames.WORKER_UTILIZATION, "0")).isEqualTo(50.0);
  }

  @Test
  void histograms_recordIntoTheirFamilyAndLabels() {
    metrics.observationLatency(ALPHA, 5 * MILLI);
    metrics.observationLatency(ALPHA, 15 * MILLI);
    metrics.recallLatency(20 * MILLI);
    metrics.batchSize(2, 100);
    metrics.queueWaitTime(Priority.HIGH, 1 * MILLI);

    MetricsSnapshot snapshot = metrics.snapshot();
    HistogramSnapshot alpha = snapshot.histogram(MetricNames.OBSERVATION_LATENCY_SECONDS, "alpha");
    assertThat(alpha.count()).isEqualTo(2);
    assertThat(alpha.sum()).isEqualTo(BigInteger.valueOf(20 * MILLI));
    assertThat(alpha.min()).isEqualTo(5 * MILLI);
    assertThat(alpha.max()).isEqualTo(15 * MILLI);
    assertThat(snapshot.histogram(MetricNames.OBSERVATION_LATENCY_SECONDS, "beta").count()).isZero();
    assertThat(snapshot.histogram(MetricNames.RECALL_LATENCY_SECONDS).max()).isEqualTo(20 * MILLI);
    assertThat(snapshot.histogram(MetricNames.BATCH_SIZE, "2").max()).isEqualTo(100);
    assertThat(snapshot.histogram(MetricNames.QUEUE_WAIT_TIME_SECONDS, "high").count()).isEqualTo(1);
    assertThat(snapshot.histogram(MetricNames.QUEUE_WAIT_TIME_SECONDS, "low").count()).isZero();
  }

  @Test
  void since_measuresToNowOnTheRuntimesClock() {
    long start = nowNanos;
    nowNanos += 7 * MILLI;
    metrics.observationLatencySince(ALPHA, start);
    metrics.recallLatencySince(start);
    metrics.queueWaitTimeSince(Priority.NORMAL, start);

    MetricsSnapshot snapshot = metrics.snapshot();
    assertThat(snapshot.takenAtNanos()).isEqualTo(nowNanos);
    assertThat(snapshot.histogram(MetricNames.OBSERVATION_LATENCY_SECONDS, "alpha").max()).isEqualTo(7 * MILLI);
    assertThat(snapshot.histogram(MetricNames.RECALL_LATENCY_SECONDS).max()).isEqualTo(7 * MILLI);
    assertThat(snapshot.histogram(MetricNames.QUEUE_WAIT_TIME_SECONDS, "normal").max()).isEqualTo(7 * MILLI);
  }

  @Test
  void since_onAClockSteppedBack_recordsZeroAndDoesNotThrow() {
    long start = nowNanos;
    nowNanos -= 3_000 * MILLI;
    metrics.recallLatencySince(start);

    HistogramSnapshot recall = metrics.snapshot().histogram(MetricNames.RECALL_LATENCY_SECONDS);
    assertThat(recall.count()).isEqualTo(1);
    assertThat(recall.max()).isZero();
    assertThat(recall.buckets().get(0).cumulativeCount()).isEqualTo(1);
  }

  @Test
  void snapshot_beforeAnyRecording_namesEveryFamily_andHoldsTheUnlabeledOnesAtZero() {
    MetricsSnapshot snapshot = metrics.snapshot();

    assertThat(snapshot.names()).containsExactlyElementsOf(PrometheusTextTest.ENGINE_MD_NAMES.stream().sorted().toList());
    assertThat(MetricNames.all()).isEqualTo(snapshot.names());
    assertThat(snapshot.series()).extracting(Series::toString).containsExactly(
        "engram_streaming_active_sessions_total",
        "engram_streaming_queue_memory_bytes",
        "engram_streaming_recall_latency_seconds");
    assertThat(snapshot.gauge(MetricNames.ACTIVE_SESSIONS_TOTAL)).isZero();
    assertThat(snapshot.histogram(MetricNames.RECALL_LATENCY_SECONDS).count()).isZero();
  }

  @Test
  void snapshot_doesNotChangeWithLaterRecordings() {
    metrics.observationReceived(ALPHA, Priority.NORMAL);
    metrics.recallLatency(MILLI);
    MetricsSnapshot before = metrics.snapshot();
    String textBefore = before.toPrometheusText();

    metrics.observationReceived(ALPHA, Priority.NORMAL);
    metrics.observationReceived(BETA, Priority.NORMAL);
    metrics.recallLatency(MILLI);

    assertThat(before.counter(MetricNames.OBSERVATIONS_TOTAL, "alpha", "normal")).isEqualTo(1);
    assertThat(before.contains(MetricNames.OBSERVATIONS_TOTAL, "beta", "normal")).isFalse();
    assertThat(before.histogram(MetricNames.RECALL_LATENCY_SECONDS).count()).isEqualTo(1);
    assertThat(before.toPrometheusText()).isEqualTo(textBefore);
    assertThat(metrics.snapshot().toPrometheusText()).isNotEqualTo(textBefore);
  }

  @Test
  void series_areSortedByNameThenLabels_workerIdsAsNumbers() {
    metrics.batchProcessed(10);
    metrics.batchProcessed(2);
    metrics.observationReceived(BETA, Priority.HIGH);
    metrics.observationReceived(ALPHA, Priority.LOW);

    List<Series> sorted = metrics.snapshot().series();
    List<String> series = sorted.stream().map(Series::toString).toList();
    assertThat(series).containsSubsequence(
        "engram_streaming_batches_processed_total{worker_id=\"2\"}",
        "engram_streaming_batches_processed_total{worker_id=\"10\"}",
        "engram_streaming_observations_total{memory_space=\"alpha\",priority=\"low\"}",
        "engram_streaming_observations_total{memory_space=\"beta\",priority=\"high\"}");
    assertThat(sorted).isSorted();
  }

  @Test
  void reading_aTypoOrTheWrongLabelsOrType_throwsInsteadOfReadingZero() {
    MetricsSnapshot snapshot = metrics.snapshot();

    assertThatThrownBy(() -> snapshot.counter("engram_streaming_observation_total", "alpha", "high"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no metric family");
    assertThatThrownBy(() -> snapshot.counter(MetricNames.OBSERVATIONS_TOTAL, "alpha"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("memory_space");
    assertThatThrownBy(() -> snapshot.gauge(MetricNames.OBSERVATIONS_TOTAL, "alpha", "high"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("is a counter");
    assertThatThrownBy(() -> snapshot.histogram(MetricNames.QUEUE_DEPTH, "high"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("is a gauge");
  }

  @Test
  void recording_refusesValuesThatAreBugs() {
    assertThatThrownBy(() -> metrics.batchProcessed(-1)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> metrics.queueDepth(Priority.HIGH, -1)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> metrics.activeSessions(-1)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> metrics.queueMemoryBytes(-1)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> metrics.batchSize(0, -1)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> metrics.batchFailed(0, null)).isInstanceOf(NullPointerException.class);
    assertThat(metrics.snapshot().contains(MetricNames.BATCHES_PROCESSED_TOTAL, "-1")).isFalse();
  }

  @Test
  void counters_onlyGoUp_underRandomRecordings() {
    long seed = 0x5EEDL;
    System.out.println("counters_onlyGoUp seed " + seed);
    Random random = new Random(seed);
    SpaceId[] spaces = {ALPHA, BETA, SpaceId.of("gamma")};
    MetricsSnapshot previous = metrics.snapshot();
    for (int step = 0; step < 300; step++) {
      for (int i = random.nextInt(5); i > 0; i--) {
        recordRandomCounter(random, spaces);
      }
      MetricsSnapshot next = metrics.snapshot();
      for (Series series : previous.series()) {
        if (!COUNTERS.contains(series.name())) {
          continue;
        }
        String[] labels = series.labelValues().toArray(String[]::new);
        assertThat(next.counter(series.name(), labels))
            .as("seed %d step %d %s", seed, step, series)
            .isGreaterThanOrEqualTo(previous.counter(series.name(), labels));
      }
      assertThat(next.series()).as("series are never removed").containsAll(previous.series());
      previous = next;
    }
    assertThat(previous.series().size()).isGreaterThan(20);
  }

  private void recordRandomCounter(Random random, SpaceId[] spaces) {
    SpaceId space = spaces[random.nextInt(spaces.length)];
    int worker = random.nextInt(4);
    switch (random.nextInt(6)) {
      case 0 -> metrics.observationReceived(space, Priority.values()[random.nextInt(3)]);
      case 1 -> metrics.observationRejected(space, RejectReason.values()[random.nextInt(RejectReason.values().length)]);
      case 2 -> metrics.backpressureActivated(space, PressureState.values()[random.nextInt(4)]);
      case 3 -> metrics.batchProcessed(worker);
      case 4 -> metrics.batchFailed(worker, random.nextBoolean() ? "io" : "index");
      default -> metrics.workStolen(worker);
    }
  }
}
