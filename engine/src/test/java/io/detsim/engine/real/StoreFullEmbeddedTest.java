package io.detsim.engine.real;

import static org.assertj.core.api.Assertions.assertThat;

import io.detsim.engine.metrics.MetricNames;
import io.detsim.engine.protocol.RecallHit;
import io.detsim.engine.protocol.RejectReason;
import io.detsim.runtime.RealThreads;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The embedded engine with a held-data budget: an offer beyond it is answered at once with
 * STORE_FULL and no retry-after, the metrics and the endpoint count it, every later offer is refused
 * at the edge (the store never empties), the observations held stay recallable, and a restart counts
 * the recovered ones against the budget.
 */
@ExtendWith(RealThreads.class)
class StoreFullEmbeddedTest {
  private static final int DIMENSION = TestEmbeddings.DIMENSION;
  private static final int BUDGET = 20;

  @TempDir
  Path folder;

  @Test
  void anOfferBeyondTheBudget_isRefusedStoreFull_atOnce_andEarlierOnesStayRecallable() throws Exception {
    EmbeddedConfig config = EmbeddedConfig.of(folder, DIMENSION).withSeed(1).withHeldObservationsMax(BUDGET)
        .withMetricsPort(0);
    List<String> accepted = new ArrayList<>();
    try (EmbeddedEngine engine = EmbeddedEngine.start(config)) {
      for (int i = 0; i < BUDGET; i++) {
        OfferResult result = engine.offer("full_space", TestEmbeddings.of(i), "kept " + i).get();
        assertThat(result.accepted()).as("offer %d within the budget", i).isTrue();
        accepted.add(result.memoryId());
      }
      OfferResult beyond = engine.offer("full_space", TestEmbeddings.of(BUDGET), "one too many")
          .get();
      assertThat(beyond.accepted()).isFalse();
      assertThat(beyond.reason()).isEqualTo(RejectReason.STORE_FULL);
      assertThat(beyond.retryAfterNanos()).as("no retry can succeed").isZero();
      while (!engine.health().storeFull()) { // the edge learns it as the answer's callbacks run
        Thread.sleep(1);
      }

      OfferResult otherSpace = engine.offer("other_space", TestEmbeddings.of(BUDGET + 1), "the budget is global")
          .get();
      assertThat(otherSpace.reason()).isEqualTo(RejectReason.STORE_FULL);
      assertThat(otherSpace.retryAfterNanos()).isZero();
      assertThat(engine.health().offersRefusedStoreFull()).as("refused at the edge, the server never saw it")
          .isEqualTo(1);
      engine.awaitIndexed();
      assertThat(engine.held("full_space")).hasSize(BUDGET);
      for (int i = 0; i < BUDGET; i++) {
        RecallResult recall = engine.recall("full_space", TestEmbeddings.of(i), 1).get();
        assertThat(recall.refusal()).isNull();
        assertThat(recall.hits()).extracting(RecallHit::memoryId).as("recall of %d", i).containsExactly(accepted.get(i));
      }
      assertThat(engine.metrics().counter(MetricNames.OBSERVATIONS_REJECTED_TOTAL, "full_space", "store_full"))
          .isEqualTo(1);
      HttpResponse<String> scrape = HttpClient.newHttpClient().send(
          HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + engine.metricsPort() + "/metrics")).build(),
          HttpResponse.BodyHandlers.ofString());
      assertThat(scrape.body()).contains("engram_streaming_observations_rejected_total{memory_space=\"full_space\","
          + "reason=\"store_full\"} 1")
          .contains("detsim_engine_store_full 1.0")
          .contains("detsim_engine_offers_refused_store_full_total 1.0")
          .doesNotContain("memory_space=\"other_space\",reason=\"store_full\"");
    }
    try (EmbeddedEngine again = EmbeddedEngine.start(config)) { // the same folder: everything comes back
      OfferResult after = again.offer("full_space", TestEmbeddings.of(BUDGET + 2), "still full")
          .get();
      assertThat(after.reason()).as("recovered observations count against the budget").isEqualTo(RejectReason.STORE_FULL);
      RecallResult recall = again.recall("full_space", TestEmbeddings.of(0), 1).get();
      assertThat(recall.hits()).extracting(RecallHit::memoryId).containsExactly(accepted.get(0));
    }
  }
}
