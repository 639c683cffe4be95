package io.detsim.engine.real;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.detsim.engine.server.EngineServer;
import io.detsim.runtime.RealThreads;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * A crashed server is never silent. Before, an offer made as the server crashed could reach the
 * client after it had given up on the server, be sent to the dead server and never be answered;
 * metrics() threw a timeout and the Prometheus endpoint answered HTTP 500, which says nothing.
 */
@ExtendWith(RealThreads.class)
class EngineFailureTest {
  @TempDir
  Path folder;

  @Test
  void serverCrash_failsPendingAndEveryLaterOffer_andHealthAndTheEndpointSayWhy() throws Exception {
    EmbeddedConfig config = EmbeddedConfig.of(folder, TestEmbeddings.DIMENSION).withMetricsPort(0);
    try (EmbeddedEngine engine = EmbeddedEngine.start(config)) {
      assertThat(engine.offer("crash_space", TestEmbeddings.of(1), "before").get().accepted())
          .isTrue();
      CountDownLatch release = new CountDownLatch(1);
      engine.runtime().call(engine.serverId(), EngineServer.class, server -> await(release));
      CompletableFuture<OfferResult> pending = engine.offer("crash_space", TestEmbeddings.of(2), "pending");

      engine.runtime().crash(engine.serverId());
      release.countDown();

      assertThatThrownBy(() -> pending.get()).isInstanceOf(ExecutionException.class)
          .hasMessageContaining("the engine failed: the engine's server crashed");
      CompletableFuture<OfferResult> later = engine.offer("crash_space", TestEmbeddings.of(3), "later");
      assertThat(later).as("failed before offer() returned").isCompletedExceptionally();
      assertThatThrownBy(later::join).hasMessageContaining("the engine failed: the engine's server crashed");
      assertThat(engine.health().state()).isEqualTo(EngineState.FAILED);
      assertThat(engine.health().failure()).contains("server crashed");
      assertThat(engine.health().offersFailed()).isEqualTo(2);
      assertThatThrownBy(engine::metrics).isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("the engine failed");
      HttpResponse<String> scrape = HttpClient.newHttpClient().send(
          HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + engine.metricsPort() + "/metrics")).build(),
          HttpResponse.BodyHandlers.ofString());
      assertThat(scrape.statusCode()).isEqualTo(200);
      assertThat(scrape.body()).contains("detsim_engine_state{state=\"failed\"} 1.0")
          .contains("detsim_engine_state{state=\"running\"} 0.0")
          .contains("detsim_engine_offers_failed_total 2.0")
          .doesNotContain("engram_streaming_observations_total");
    }
  }

  @Test
  void runningEngine_scrapesAsRunning_besideItsMetrics() throws Exception {
    EmbeddedConfig config = EmbeddedConfig.of(folder, TestEmbeddings.DIMENSION).withMetricsPort(0);
    try (EmbeddedEngine engine = EmbeddedEngine.start(config)) {
      engine.offer("fine_space", TestEmbeddings.of(1), "one").get();
      HttpResponse<String> scrape = HttpClient.newHttpClient().send(
          HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + engine.metricsPort() + "/metrics")).build(),
          HttpResponse.BodyHandlers.ofString());
      assertThat(scrape.body()).contains("detsim_engine_state{state=\"running\"} 1.0")
          .contains("engram_streaming_observations_total{memory_space=\"fine_space\"");
      assertThat(engine.health().state()).isEqualTo(EngineState.RUNNING);
    }
  }

  /** Holds the server's thread until the test lets it go; false if interrupted first. */
  private static boolean await(CountDownLatch latch) {
    try {
      latch.await();
      return true;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }
}
