package io.detsim.engine.real;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.detsim.engine.metrics.MetricNames;
import io.detsim.engine.metrics.MetricsSnapshot;
import io.detsim.engine.protocol.Priority;
import io.detsim.engine.protocol.RejectReason;
import io.detsim.runtime.RealThreads;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** The embedded API: answers, refusals, metrics, restart on a folder, and both ways of stopping. */
@ExtendWith(RealThreads.class)
class EmbeddedEngineTest {
  private static final int DIMENSION = TestEmbeddings.DIMENSION;

  @TempDir
  Path folder;

  @Test
  void offer_invalidContent_isRefusedAsInvalidInput_andLaterOffersStillGoThrough() throws Exception {
    try (EmbeddedEngine engine = EmbeddedEngine.start(EmbeddedConfig.of(folder, DIMENSION).withSeed(1))) {
      OfferResult good = engine.offer("space_a", TestEmbeddings.of(1), "one").get();
      OfferResult wrongDimension = engine.offer("space_a", new float[3], "short").get();
      OfferResult badSpace = engine.offer("A!", TestEmbeddings.of(2), "bad space").get();
      OfferResult after = engine.offer("space_a", TestEmbeddings.of(3), "three").get();
      assertThat(good.accepted()).isTrue();
      assertThat(wrongDimension.reason()).isEqualTo(RejectReason.INVALID_INPUT);
      assertThat(badSpace.reason()).isEqualTo(RejectReason.INVALID_INPUT);
      assertThat(after.accepted()).isTrue();
      engine.awaitIndexed(); // held() reads the index: only when quiet
      assertThat(engine.held("space_a")).extracting(h -> h.seq()).containsExactly(1L, 2L);
    }
  }

  @Test
  void recall_ofAnUnknownSpace_isEmpty() throws Exception {
    try (EmbeddedEngine engine = EmbeddedEngine.start(EmbeddedConfig.of(folder, DIMENSION))) {
      RecallResult result = engine.recall("nobody_here", TestEmbeddings.of(1), 5).get();
      assertThat(result.hits()).isEmpty();
      assertThat(result.refusal()).isNull();
    }
  }

  @Test
  void metrics_countObservations_andTheEndpointServesThem() throws Exception {
    EmbeddedConfig config = EmbeddedConfig.of(folder, DIMENSION).withMetricsPort(0);
    try (EmbeddedEngine engine = EmbeddedEngine.start(config)) {
      List<CompletableFuture<OfferResult>> results = new ArrayList<>();
      for (int i = 0; i < 100; i++) {
        results.add(engine.offer("metric_space", TestEmbeddings.of(i), "m"));
      }
      CompletableFuture.allOf(results.toArray(CompletableFuture[]::new)).get();
      MetricsSnapshot metrics = engine.metrics();
      assertThat(metrics.counter(MetricNames.OBSERVATIONS_TOTAL, "metric_space", "normal")).isEqualTo(100);
      assertThat(engine.metricsPort()).isPositive();
      HttpResponse<String> scrape = HttpClient.newHttpClient().send(
          HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + engine.metricsPort() + "/metrics")).build(),
          HttpResponse.BodyHandlers.ofString());
      assertThat(scrape.statusCode()).isEqualTo(200);
      assertThat(scrape.body()).contains("engram_streaming_observations_total{memory_space=\"metric_space\"");
    }
  }

  @Test
  void restart_onTheSameFolder_keepsEveryAcceptedObservation() throws Exception {
    try (EmbeddedEngine engine = EmbeddedEngine.start(EmbeddedConfig.of(folder, DIMENSION))) {
      for (int i = 0; i < 50; i++) {
        assertThat(engine.offer("kept", "k-" + i, TestEmbeddings.of(i), "k", Priority.HIGH).get()
            .accepted()).isTrue();
      }
    }
    try (EmbeddedEngine engine = EmbeddedEngine.start(EmbeddedConfig.of(folder, DIMENSION))) {
      assertThat(engine.held("kept")).hasSize(50);
      assertThat(engine.offer("kept", "k-50", TestEmbeddings.of(50), "k", Priority.HIGH).get()
          .accepted()).as("a new session goes on after the recovered ones").isTrue();
      engine.awaitIndexed();
      assertThat(engine.held("kept")).hasSize(51);
    }
  }

  @Test
  void shutdownWithoutDrain_stopsAtOnce_andAnswersEveryOutstandingOfferExceptionally() throws Exception {
    EmbeddedEngine engine = EmbeddedEngine.start(EmbeddedConfig.of(folder, DIMENSION).withWorkers(1));
    List<CompletableFuture<OfferResult>> results = new ArrayList<>();
    for (int i = 0; i < 5_000; i++) {
      results.add(engine.offer("stop_space", TestEmbeddings.of(i), "s"));
    }
    engine.shutdown(false);
    assertThat(RealThreads.alive()).isEmpty();
    for (CompletableFuture<OfferResult> result : results) {
      assertThat(result).as("every offer has its answer or its failure").isDone();
    }
    assertThatThrownBy(() -> engine.offer("stop_space", TestEmbeddings.of(1), "late").get())
        .isInstanceOf(ExecutionException.class).hasCauseInstanceOf(IllegalStateException.class);
  }

  @Test
  void shutdownWithDrain_indexesEverythingQueuedBeforeStopping() throws Exception {
    EmbeddedEngine engine = EmbeddedEngine.start(EmbeddedConfig.of(folder, DIMENSION).withWorkers(1));
    List<CompletableFuture<OfferResult>> results = new ArrayList<>();
    for (int i = 0; i < 2_000; i++) {
      results.add(engine.offer("drain_space", TestEmbeddings.of(i), "d"));
    }
    engine.shutdown(true);
    assertThat(results).allMatch(result -> result.isDone() && !result.isCompletedExceptionally()
        && result.join().accepted());
    try (EmbeddedEngine again = EmbeddedEngine.start(EmbeddedConfig.of(folder, DIMENSION))) {
      assertThat(again.held("drain_space")).hasSize(2_000);
    }
  }
}
