package io.detsim.engine.real;

import static org.assertj.core.api.Assertions.assertThat;

import io.detsim.engine.protocol.RejectReason;
import io.detsim.engine.queue.QueueOptions;
import io.detsim.engine.server.EngineServer;
import io.detsim.runtime.RealThreads;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * An offer beyond the pending bound is refused at once, on the caller's thread, with a retry-after:
 * it is never queued. Before, every offer went into unbounded mailboxes and waited there for the
 * server thread, which at 100K/s offered filled the heap before the server could refuse any.
 *
 * <p>The server's thread is held in a call here, so nothing offered can be answered: what the
 * bound does is then the only thing that can complete a future.
 */
@ExtendWith(RealThreads.class)
class EdgeRefusalTest {
  private static final int PENDING_MAX = 8;

  @TempDir
  Path folder;

  @Test
  void offer_beyondThePendingBound_isRefusedAtOnce_withRetryAfter_andTheBoundedOnesGoThrough() throws Exception {
    EmbeddedConfig config = EmbeddedConfig.of(folder, TestEmbeddings.DIMENSION).withPendingOffersMax(PENDING_MAX);
    try (EmbeddedEngine engine = EmbeddedEngine.start(config)) {
      CountDownLatch release = new CountDownLatch(1);
      CompletableFuture<Boolean> held = engine.runtime().call(engine.serverId(), EngineServer.class,
          server -> await(release));
      List<CompletableFuture<OfferResult>> pending = new ArrayList<>();
      for (int i = 0; i < PENDING_MAX; i++) {
        pending.add(engine.offer("edge_space", TestEmbeddings.of(i), "pending"));
      }
      List<CompletableFuture<OfferResult>> beyond = new ArrayList<>();
      for (int i = 0; i < 3; i++) {
        beyond.add(engine.offer("edge_space", TestEmbeddings.of(100 + i), "beyond"));
      }

      assertThat(pending).noneMatch(CompletableFuture::isDone); // the server is held: none can have an answer
      for (CompletableFuture<OfferResult> refused : beyond) {
        assertThat(refused).as("answered before offer() returned").isDone();
        OfferResult result = refused.join();
        assertThat(result.accepted()).isFalse();
        assertThat(result.reason()).isEqualTo(RejectReason.OVER_CAPACITY);
        assertThat(result.retryAfterNanos()).isPositive();
      }
      assertThat(engine.health().pendingOffers()).isEqualTo(PENDING_MAX);
      assertThat(engine.health().offersRefusedAtEdge()).isEqualTo(3);

      release.countDown();
      assertThat(held.get()).isTrue();
      for (CompletableFuture<OfferResult> result : pending) {
        assertThat(result.get().accepted()).isTrue();
      }
      assertThat(engine.offer("edge_space", TestEmbeddings.of(200), "after").get().accepted())
          .as("places are given back as answers come").isTrue();
      assertThat(engine.health().pendingOffers()).isZero();
    }
  }

  /**
   * The server refuses a burst, then drains it: the next offer is taken at once, however soon after
   * the last refusal it comes. Before, the edge kept the refused lane closed for up to 100 ms after
   * that refusal and told each caller to wait the burst's whole retry-after; seen in CI, where a
   * drained engine refused 500 offers in a row that way.
   */
  @Test
  void afterTheServerDrainedARefusedBurst_theNextOfferIsTakenAtOnce() throws Exception {
    int capacity = 20;
    EmbeddedConfig config = EmbeddedConfig.of(folder, TestEmbeddings.DIMENSION)
        .withQueue(QueueOptions.ofCapacity(capacity)).withSeed(5);
    try (EmbeddedEngine engine = EmbeddedEngine.start(config)) {
      CountDownLatch release = new CountDownLatch(1);
      CompletableFuture<Boolean> held = engine.runtime().call(engine.serverId(), EngineServer.class,
          server -> await(release));
      List<CompletableFuture<OfferResult>> burst = new ArrayList<>();
      for (int i = 0; i < 20 * capacity; i++) { // the server reads them in one go
        burst.add(engine.offer("drain_space", TestEmbeddings.of(i), "burst"));
      }
      release.countDown();
      assertThat(held.get()).isTrue();
      CompletableFuture.allOf(burst.toArray(CompletableFuture[]::new)).get();
      assertThat(burst).as("the server refused part of the burst itself")
          .anyMatch(result -> result.join().reason() == RejectReason.OVER_CAPACITY && result.join().latencyNanos() > 0);
      engine.awaitIndexed(); // the server said ACTIVE before the last INDEXED

      List<CompletableFuture<OfferResult>> calm = new ArrayList<>();
      for (int i = 0; i < 5; i++) {
        calm.add(engine.offer("drain_space", TestEmbeddings.of(1_000 + i), "calm"));
      }
      for (CompletableFuture<OfferResult> result : calm) {
        assertThat(result.get()).satisfies(answer -> assertThat(answer.accepted())
            .as("%s", answer).isTrue());
      }
    }
  }

  @Test
  void recall_beyondItsBound_isRefusedAtOnce() throws Exception {
    try (EmbeddedEngine engine = EmbeddedEngine.start(EmbeddedConfig.of(folder, TestEmbeddings.DIMENSION))) {
      CountDownLatch release = new CountDownLatch(1);
      engine.runtime().call(engine.serverId(), EngineServer.class, server -> await(release));
      List<CompletableFuture<RecallResult>> pending = new ArrayList<>();
      for (int i = 0; i < EmbeddedEngine.PENDING_RECALLS_MAX; i++) {
        pending.add(engine.recall("edge_space", TestEmbeddings.of(i), 3));
      }
      CompletableFuture<RecallResult> beyond = engine.recall("edge_space", TestEmbeddings.of(1), 3);

      assertThat(beyond).isDone();
      assertThat(beyond.join().refusal()).isEqualTo(RejectReason.OVER_CAPACITY);
      release.countDown();
      for (CompletableFuture<RecallResult> result : pending) {
        assertThat(result.get().refusal()).isNull();
      }
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
