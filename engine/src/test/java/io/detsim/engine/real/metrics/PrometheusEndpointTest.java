package io.detsim.engine.real.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.detsim.engine.metrics.EngineMetrics;
import io.detsim.engine.metrics.MetricNames;
import io.detsim.engine.metrics.MetricsSnapshot;
import io.detsim.engine.protocol.Priority;
import io.detsim.engine.protocol.RejectReason;
import io.detsim.engine.protocol.SpaceId;
import io.detsim.engine.queue.PressureState;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Scrapes a real endpoint over loopback HTTP and checks what a Prometheus server would read: every
 * family with HELP and TYPE, and every sample equal to the engine's own exposition of the same
 * snapshot (the simulator's reference), in both text formats.
 */
class PrometheusEndpointTest {
  private static final long MILLI = 1_000_000L;
  private static final SpaceId ALPHA = SpaceId.of("alpha");
  private static final SpaceId BETA = SpaceId.of("beta");
  private static final Pattern SAMPLE = Pattern.compile("^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\\{(.*)\\})? (\\S+)(?: \\S+)?$");
  private static final Pattern LABEL = Pattern.compile("\\G([a-zA-Z_][a-zA-Z0-9_]*)=\"((?:[^\"\\\\]|\\\\.)*)\",?");

  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private long nowNanos = 1_000 * MILLI;
  private final EngineMetrics metrics = new EngineMetrics(() -> nowNanos);
  private PrometheusEndpoint endpoint;

  @AfterEach
  void stop() {
    if (endpoint != null) {
      endpoint.close();
    }
  }

  @Test
  void scrape_hasEveryFamilyWithHelpAndType() throws Exception {
    recordSomeOfEverything();
    endpoint = PrometheusEndpoint.start(0, metrics::snapshot);

    HttpResponse<String> response = scrape("/metrics", null);

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Type")).hasValue("text/plain; version=0.0.4; charset=utf-8");
    assertThat(MetricNames.all()).hasSize(15);
    for (String name : MetricNames.all()) {
      assertThat(response.body()).contains("# HELP " + name + " ").contains("# TYPE " + name + " ");
    }
    assertThat(response.body())
        .contains("# TYPE " + MetricNames.OBSERVATIONS_TOTAL + " counter")
        .contains("# TYPE " + MetricNames.ACTIVE_SESSIONS_TOTAL + " gauge")
        .contains("# TYPE " + MetricNames.OBSERVATION_LATENCY_SECONDS + " histogram")
        .contains("# HELP " + MetricNames.BACKPRESSURE_STATE
            + " Pressure state by memory space: 0 normal, 1 warning, 2 critical, 3 overloaded.");
  }

  @Test
  void scrape_samplesEqualTheEnginesOwnExposition() throws Exception {
    recordSomeOfEverything();
    MetricsSnapshot snapshot = metrics.snapshot();
    endpoint = PrometheusEndpoint.start(0, () -> snapshot);

    Map<String, Double> scraped = samples(scrape("/metrics", null).body());
    Map<String, Double> reference = samples(snapshot.toPrometheusText());

    assertThat(scraped).isEqualTo(reference);
    assertThat(scraped)
        .containsEntry("engram_streaming_observations_total{memory_space=alpha,priority=high}", 2.0)
        .containsEntry("engram_streaming_observations_rejected_total{memory_space=,reason=session_unknown}", 1.0)
        .containsEntry("engram_streaming_backpressure_state{memory_space=alpha}", 3.0)
        .containsEntry("engram_streaming_worker_utilization{worker_id=1}", 25.0)
        .containsEntry("engram_streaming_queue_depth{priority=normal}", 40.0)
        .containsEntry("engram_streaming_observation_latency_seconds_bucket{le=0.005,memory_space=alpha}", 2.0)
        .containsEntry("engram_streaming_observation_latency_seconds_bucket{le=0.01,memory_space=alpha}", 2.0)
        .containsEntry("engram_streaming_observation_latency_seconds_bucket{le=0.025,memory_space=alpha}", 3.0)
        .containsEntry("engram_streaming_observation_latency_seconds_bucket{le=+Inf,memory_space=alpha}", 4.0)
        .containsEntry("engram_streaming_observation_latency_seconds_count{memory_space=alpha}", 4.0)
        .containsEntry("engram_streaming_observation_latency_seconds_sum{memory_space=alpha}", 90.026)
        .containsEntry("engram_streaming_batch_size_bucket{le=100.0,worker_id=0}", 2.0)
        .containsEntry("engram_streaming_batch_size_sum{worker_id=0}", 110.0);
  }

  @Test
  void scrape_withOpenMetricsAccept_answersOpenMetrics() throws Exception {
    recordSomeOfEverything();
    MetricsSnapshot snapshot = metrics.snapshot();
    endpoint = PrometheusEndpoint.start(0, () -> snapshot);

    HttpResponse<String> response = scrape("/metrics", "application/openmetrics-text; version=1.0.0; charset=utf-8");

    assertThat(response.headers().firstValue("Content-Type").orElseThrow())
        .startsWith("application/openmetrics-text; version=1.0.0");
    assertThat(response.body()).endsWith("# EOF\n");
    // OpenMetrics names a counter family without _total and its samples with it.
    assertThat(response.body())
        .contains("# TYPE engram_streaming_observations counter")
        .contains("# TYPE " + MetricNames.QUEUE_DEPTH + " gauge")
        .contains("# TYPE " + MetricNames.RECALL_LATENCY_SECONDS + " histogram");
    String samplesOnly = response.body().replace("# EOF\n", "");
    assertThat(samples(samplesOnly)).isEqualTo(samples(snapshot.toPrometheusText()));
  }

  @Test
  void scrape_takesOneSnapshotPerScrape() throws Exception {
    AtomicInteger taken = new AtomicInteger();
    endpoint = PrometheusEndpoint.start(0, () -> {
      taken.incrementAndGet();
      return metrics.snapshot();
    });

    metrics.activeSessions(3);
    assertThat(samples(scrape("/metrics", null).body())).containsEntry(MetricNames.ACTIVE_SESSIONS_TOTAL, 3.0);
    metrics.activeSessions(7);
    assertThat(samples(scrape("/metrics", null).body())).containsEntry(MetricNames.ACTIVE_SESSIONS_TOTAL, 7.0);
    assertThat(taken).hasValue(2);
  }

  @Test
  void scrape_ofNameFilter_returnsOnlyThatFamily() throws Exception {
    recordSomeOfEverything();
    endpoint = PrometheusEndpoint.start(0, metrics::snapshot);

    String body = scrape("/metrics?name[]=" + MetricNames.QUEUE_DEPTH, null).body();

    assertThat(body).contains("# TYPE " + MetricNames.QUEUE_DEPTH + " gauge")
        .doesNotContain(MetricNames.OBSERVATIONS_TOTAL);
  }

  @Test
  void start_bindsLoopbackByDefault_andRefusesABadPort() throws Exception {
    endpoint = PrometheusEndpoint.start(0, metrics::snapshot);
    assertThat(endpoint.port()).isPositive();

    assertThatThrownBy(() -> PrometheusEndpoint.start(endpoint.port(), metrics::snapshot))
        .isInstanceOf(UncheckedIOException.class).hasMessageContaining("127.0.0.1:" + endpoint.port());
    assertThatThrownBy(() -> PrometheusEndpoint.start(70_000, metrics::snapshot))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void close_stopsServing() throws Exception {
    endpoint = PrometheusEndpoint.start(0, metrics::snapshot);
    int port = endpoint.port();
    endpoint.close();
    endpoint = null;

    HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/metrics"))
        .timeout(Duration.ofSeconds(5)).build();
    assertThatThrownBy(() -> http.send(request, HttpResponse.BodyHandlers.ofString())).isInstanceOf(IOException.class);
  }

  /** At least one series of every family, with values that make a wrong conversion visible. */
  private void recordSomeOfEverything() {
    metrics.observationReceived(ALPHA, Priority.HIGH);
    metrics.observationReceived(ALPHA, Priority.HIGH);
    metrics.observationReceived(BETA, Priority.LOW);
    metrics.observationRejected(ALPHA, RejectReason.OVER_CAPACITY);
    metrics.observationRejected(RejectReason.SESSION_UNKNOWN);
    metrics.backpressureActivated(ALPHA, PressureState.OVERLOADED);
    metrics.backpressureState(ALPHA, PressureState.OVERLOADED);
    metrics.backpressureState(BETA, PressureState.NORMAL);
    metrics.batchProcessed(0);
    metrics.batchProcessed(0);
    metrics.batchFailed(1, "worker_died");
    metrics.workStolen(1);
    metrics.queueDepth(Priority.HIGH, 0);
    metrics.queueDepth(Priority.NORMAL, 40);
    metrics.workerUtilization(0, 0.5);
    metrics.workerUtilization(1, 250 * MILLI, 1_000 * MILLI);
    metrics.activeSessions(2);
    metrics.queueMemoryBytes(4_096);
    // 1 ms and 5 ms (both <= 0.005), 20 ms (<= 0.025) and 90 s (+Inf): sum 90.026 s.
    metrics.observationLatency(ALPHA, MILLI);
    metrics.observationLatency(ALPHA, 5 * MILLI);
    metrics.observationLatency(ALPHA, 20 * MILLI);
    metrics.observationLatency(ALPHA, 90_000 * MILLI);
    metrics.recallLatency(3 * MILLI);
    metrics.batchSize(0, 10);
    metrics.batchSize(0, 100);
    metrics.queueWaitTime(Priority.HIGH, 2 * MILLI);
    nowNanos += 7 * MILLI;
    metrics.recallLatencySince(nowNanos - 12 * MILLI);
  }

  private HttpResponse<String> scrape(String path, String accept) throws IOException, InterruptedException {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + endpoint.port() + path))
        .timeout(Duration.ofSeconds(10));
    if (accept != null) {
      request.header("Accept", accept);
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  /**
   * Every sample line as {@code name{label=value,...}} (labels sorted by name, {@code le} as a
   * number so "1" and "1.0" agree) to its value, so two formats that write the same numbers
   * differently compare equal.
   */
  private static Map<String, Double> samples(String exposition) {
    Map<String, Double> samples = new TreeMap<>();
    for (String line : exposition.split("\n")) {
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      Matcher sample = SAMPLE.matcher(line);
      assertThat(sample.matches()).as("a sample line: %s", line).isTrue();
      TreeMap<String, String> labels = new TreeMap<>();
      if (sample.group(2) != null) {
        Matcher label = LABEL.matcher(sample.group(2));
        int end = 0;
        while (label.find() && label.start() == end) {
          String value = label.group(2);
          labels.put(label.group(1), label.group(1).equals("le") ? normalizedBound(value) : value);
          end = label.end();
        }
        assertThat(end).as("labels of %s", line).isEqualTo(sample.group(2).length());
      }
      List<String> pairs = new ArrayList<>();
      labels.forEach((name, value) -> pairs.add(name + "=" + value));
      String key = sample.group(1) + (pairs.isEmpty() ? "" : "{" + String.join(",", pairs) + "}");
      Double previous = samples.put(key, Double.valueOf(sample.group(3)));
      assertThat(previous).as("one sample per series: %s", key).isNull();
    }
    return samples;
  }

  private static String normalizedBound(String le) {
    return le.equals("+Inf") ? le : Double.toString(Double.parseDouble(le));
  }
}
