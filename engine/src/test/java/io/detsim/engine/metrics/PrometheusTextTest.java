package io.detsim.engine.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.detsim.engine.protocol.Priority;
import io.detsim.engine.protocol.RejectReason;
import io.detsim.engine.protocol.SpaceId;
import io.detsim.engine.queue.PressureState;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

class PrometheusTextTest {
  /** Copied from docs/engine.md, section "Metrics": the names a scrape must find, by type. */
  static final List<String> ENGINE_MD_COUNTERS = List.of(
      "engram_streaming_observations_total",
      "engram_streaming_observations_rejected_total",
      "engram_streaming_backpressure_activations_total",
      "engram_streaming_batches_processed_total",
      "engram_streaming_batch_failures_total",
      "engram_streaming_work_stolen_total");
  static final List<String> ENGINE_MD_GAUGES = List.of(
      "engram_streaming_queue_depth",
      "engram_streaming_worker_utilization",
      "engram_streaming_active_sessions_total",
      "engram_streaming_backpressure_state",
      "engram_streaming_queue_memory_bytes");
  static final List<String> ENGINE_MD_HISTOGRAMS = List.of(
      "engram_streaming_observation_latency_seconds",
      "engram_streaming_recall_latency_seconds",
      "engram_streaming_batch_size",
      "engram_streaming_queue_wait_time_seconds");
  static final List<String> ENGINE_MD_NAMES = concat(ENGINE_MD_COUNTERS, ENGINE_MD_GAUGES, ENGINE_MD_HISTOGRAMS);

  private static final SpaceId ALPHA = SpaceId.of("alpha");
  private static final SpaceId BETA = SpaceId.of("beta");
  private static final long MILLI = 1_000_000L;

  private long nowNanos;

  @Test
  void exposition_beforeAnyRecording_declaresEveryEngineMdFamilyWithItsType() {
    String text = new EngineMetrics(() -> nowNanos).toPrometheusText();

    Map<String, String> types = new LinkedHashMap<>();
    List<String> helped = new ArrayList<>();
    for (Exposition.Line line : Exposition.parse(text)) {
      if (line instanceof Exposition.Type type) {
        types.put(type.name(), type.type());
      } else if (line instanceof Exposition.Help help) {
        helped.add(help.name());
        assertThat(help.text()).isNotBlank();
      }
    }
    assertThat(types.keySet()).containsExactlyElementsOf(ENGINE_MD_NAMES.stream().sorted().toList());
    assertThat(helped).containsExactlyElementsOf(types.keySet());
    ENGINE_MD_COUNTERS.forEach(name -> assertThat(types).containsEntry(name, "counter"));
    ENGINE_MD_GAUGES.forEach(name -> assertThat(types).containsEntry(name, "gauge"));
    ENGINE_MD_HISTOGRAMS.forEach(name -> assertThat(types).containsEntry(name, "histogram"));
  }

  @Test
  void exposition_beforeAnyRecording_holdsTheUnlabeledSeriesAtZero() {
    List<Exposition.Sample> samples = Exposition.samples(new EngineMetrics(() -> nowNanos).toPrometheusText());

    assertThat(value(samples, "engram_streaming_active_sessions_total", Map.of())).isEqualTo("0");
    assertThat(value(samples, "engram_streaming_queue_memory_bytes", Map.of())).isEqualTo("0");
    assertThat(value(samples, "engram_streaming_recall_latency_seconds_count", Map.of())).isEqualTo("0");
    assertThat(value(samples, "engram_streaming_recall_latency_seconds_sum", Map.of())).isEqualTo("0");
    assertThat(value(samples, "engram_streaming_recall_latency_seconds_bucket", Map.of("le", "+Inf"))).isEqualTo("0");
    assertThat(samples).extracting(Exposition.Sample::name).allMatch(name -> name.startsWith(
        "engram_streaming_recall_latency_seconds") || name.equals("engram_streaming_active_sessions_total")
        || name.equals("engram_streaming_queue_memory_bytes"));
  }

  @Test
  void exposition_parsesLineByLine_andEverySampleBelongsToTheFamilyDeclaredAboveIt() {
    String text = recorded(PrometheusTextTest::recordEverything).toPrometheusText();

    String family = null;
    String type = null;
    for (Exposition.Line line : Exposition.parse(text)) {
      if (line instanceof Exposition.Type declared) {
        family = declared.name();
        type = declared.type();
      } else if (line instanceof Exposition.Sample sample) {
        String suffix = sample.name().substring(family.length());
        assertThat(sample.name()).startsWith(family);
        if (type.equals("histogram")) {
          assertThat(suffix).isIn("_bucket", "_sum", "_count");
          assertThat(sample.labels().containsKey("le")).isEqualTo(suffix.equals("_bucket"));
        } else {
          assertThat(suffix).isEmpty();
        }
      }
    }
    assertThat(Exposition.samples(text)).hasSizeGreaterThan(50);
  }

  @Test
  void exposition_writesEachTypedRecordingWithItsLabels() {
    List<Exposition.Sample> samples = Exposition.samples(recorded(PrometheusTextTest::recordEverything)
        .toPrometheusText());

    assertThat(value(samples, "engram_streaming_observations_total", Map.of("memory_space", "alpha",
        "priority", "high"))).isEqualTo("2");
    assertThat(value(samples, "engram_streaming_observations_rejected_total", Map.of("memory_space", "",
        "reason", "session_unknown"))).isEqualTo("1");
    assertThat(value(samples, "engram_streaming_backpressure_activations_total", Map.of("memory_space", "beta",
        "level", "critical"))).isEqualTo("1");
    assertThat(value(samples, "engram_streaming_backpressure_state", Map.of("memory_space", "beta")))
        .isEqualTo("2");
    assertThat(value(samples, "engram_streaming_worker_utilization", Map.of("worker_id", "1"))).isEqualTo("37.5");
    assertThat(value(samples, "engram_streaming_queue_depth", Map.of("priority", "low"))).isEqualTo("9");
    assertThat(value(samples, "engram_streaming_batch_size_sum", Map.of("worker_id", "1"))).isEqualTo("600");
    assertThat(value(samples, "engram_streaming_queue_wait_time_seconds_sum", Map.of("priority", "normal")))
        .isEqualTo("0.0015");
  }

  @Test
  void exposition_escapesQuotesBackslashesAndNewlinesInLabelValues() {
    String errorType = "say \"hi\"\\now\nand then";
    String text = recorded(metrics -> metrics.batchFailed(0, errorType)).toPrometheusText();

    assertThat(text).contains("error_type=\"say \\\"hi\\\"\\\\now\\nand then\"");
    assertThat(value(Exposition.samples(text), "engram_streaming_batch_failures_total",
        Map.of("worker_id", "0", "error_type", errorType))).isEqualTo("1");
  }

  @Test
  void exposition_isByteIdentical_forTheSameRecordingsInTheSameOrder() {
    byte[] first = recorded(PrometheusTextTest::recordEverything).toPrometheusText().getBytes(StandardCharsets.UTF_8);
    byte[] second = recorded(PrometheusTextTest::recordEverything).toPrometheusText().getBytes(StandardCharsets.UTF_8);

    assertThat(second).isEqualTo(first);
  }

  @Test
  void exposition_ofCountsAndHistograms_doesNotDependOnTheOrderSeriesWereCreated() {
    List<Consumer<EngineMetrics>> steps = new ArrayList<>();
    for (int i = 0; i < 60; i++) {
      int worker = i % 12;
      SpaceId space = i % 2 == 0 ? ALPHA : BETA;
      long nanos = (i % 7) * MILLI;
      steps.add(metrics -> metrics.batchProcessed(worker));
      steps.add(metrics -> metrics.observationReceived(space, Priority.values()[worker % 3]));
      steps.add(metrics -> metrics.observationLatency(space, nanos));
    }
    List<Consumer<EngineMetrics>> shuffled = new ArrayList<>(steps);
    Collections.shuffle(shuffled, new Random(42));

    String inOrder = recorded(metrics -> steps.forEach(step -> step.accept(metrics))).toPrometheusText();
    String outOfOrder = recorded(metrics -> shuffled.forEach(step -> step.accept(metrics))).toPrometheusText();
    assertThat(outOfOrder).isEqualTo(inOrder);
  }

  @Test
  void exposition_sortsFamiliesByName_andSeriesByLabels() {
    String text = recorded(PrometheusTextTest::recordEverything).toPrometheusText();

    List<String> families = new ArrayList<>();
    List<String> batchWorkers = new ArrayList<>();
    for (Exposition.Line line : Exposition.parse(text)) {
      if (line instanceof Exposition.Type type) {
        families.add(type.name());
      } else if (line instanceof Exposition.Sample sample && sample.name().equals(MetricNames.BATCHES_PROCESSED_TOTAL)) {
        batchWorkers.add(sample.labels().get("worker_id"));
      }
    }
    assertThat(families).isSorted();
    assertThat(batchWorkers).containsExactly("0", "1", "2", "10");
  }

  @Test
  void histogramBuckets_areCumulative_andInfEqualsCount_andSumIsInSeconds() {
    String text = recorded(metrics -> {
      for (long millis = 1; millis <= 1_000; millis++) {
        metrics.observationLatency(ALPHA, millis * MILLI);
      }
    }).toPrometheusText();

    List<Exposition.Sample> samples = Exposition.samples(text);
    List<Exposition.Sample> buckets = samples.stream()
        .filter(sample -> sample.name().equals("engram_streaming_observation_latency_seconds_bucket")).toList();
    List<Long> counts = buckets.stream().map(sample -> Long.parseLong(sample.value())).toList();
    List<String> bounds = buckets.stream().map(sample -> sample.labels().get("le")).toList();
    assertThat(bounds).containsExactly("0.0001", "0.00025", "0.0005", "0.001", "0.0025", "0.005", "0.01", "0.015",
        "0.02", "0.025", "0.05", "0.1", "0.25", "0.5", "1", "2.5", "5", "10", "30", "60", "+Inf");
    assertThat(counts).isSorted();
    assertThat(value(samples, "engram_streaming_observation_latency_seconds_bucket",
        Map.of("memory_space", "alpha", "le", "0.005"))).isEqualTo("5");
    assertThat(value(samples, "engram_streaming_observation_latency_seconds_bucket",
        Map.of("memory_space", "alpha", "le", "0.1"))).isEqualTo("100");
    String count = value(samples, "engram_streaming_observation_latency_seconds_count", Map.of("memory_space", "alpha"));
    assertThat(counts.get(counts.size() - 1)).isEqualTo(Long.parseLong(count)).isEqualTo(1_000);
    assertThat(value(samples, "engram_streaming_observation_latency_seconds_sum", Map.of("memory_space", "alpha")))
        .isEqualTo("500.5");
  }

  @Test
  void formatGauge_writesIntegersAsIntegers_andSpecialValuesAsPrometheusDoes() {
    assertThat(PrometheusText.formatGauge(0.0)).isEqualTo("0");
    assertThat(PrometheusText.formatGauge(-0.0)).isEqualTo("0");
    assertThat(PrometheusText.formatGauge(4_096.0)).isEqualTo("4096");
    assertThat(PrometheusText.formatGauge(37.5)).isEqualTo("37.5");
    assertThat(PrometheusText.formatGauge(1e20)).isEqualTo("1.0E20");
    assertThat(PrometheusText.formatGauge(Double.NaN)).isEqualTo("NaN");
    assertThat(PrometheusText.formatGauge(Double.POSITIVE_INFINITY)).isEqualTo("+Inf");
    assertThat(PrometheusText.formatGauge(Double.NEGATIVE_INFINITY)).isEqualTo("-Inf");
  }

  /** One recording of every typed method, in a fixed order. */
  private static void recordEverything(EngineMetrics metrics) {
    metrics.observationReceived(ALPHA, Priority.HIGH);
    metrics.observationReceived(ALPHA, Priority.HIGH);
    metrics.observationReceived(BETA, Priority.LOW);
    metrics.observationRejected(ALPHA, RejectReason.OVER_CAPACITY);
    metrics.observationRejected(RejectReason.SESSION_UNKNOWN);
    metrics.backpressureActivated(BETA, PressureState.CRITICAL);
    metrics.backpressureState(BETA, PressureState.CRITICAL);
    for (int worker : new int[] {10, 2, 0, 1}) {
      metrics.batchProcessed(worker);
    }
    metrics.batchFailed(1, "index");
    metrics.workStolen(2);
    metrics.queueDepth(Priority.LOW, 9);
    metrics.workerUtilization(1, 0.375);
    metrics.activeSessions(2);
    metrics.queueMemoryBytes(123_456);
    metrics.observationLatency(ALPHA, 3 * MILLI);
    metrics.recallLatency(12 * MILLI);
    metrics.batchSize(1, 100);
    metrics.batchSize(1, 500);
    metrics.queueWaitTime(Priority.NORMAL, 1_500_000);
  }

  private EngineMetrics recorded(Consumer<EngineMetrics> recordings) {
    EngineMetrics metrics = new EngineMetrics(() -> nowNanos);
    recordings.accept(metrics);
    return metrics;
  }

  private static String value(List<Exposition.Sample> samples, String name, Map<String, String> labels) {
    return samples.stream().filter(sample -> sample.name().equals(name) && sample.labels().equals(labels))
        .findFirst().orElseThrow(() -> new AssertionError("no sample " + name + labels)).value();
  }

  @SafeVarargs
  private static List<String> concat(List<String>... lists) {
    List<String> all = new ArrayList<>();
    for (List<String> list : lists) {
      all.addAll(list);
    }
    return List.copyOf(all);
  }
}
