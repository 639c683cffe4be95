package io.detsim.engine.grpc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.detsim.engine.real.OfferResult;
import io.detsim.engine.real.RecallResult;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The offer client over a real loopback server: every offer is answered, and what it saw ACCEPTED is
 * exactly what the engine holds. Waits are liveness guards only.
 */
class GrpcOfferClientTest {
  private static final Duration LIVENESS = Duration.ofSeconds(Loopback.LIVENESS_SECONDS);

  @TempDir
  Path data;

  @Test
  void everyOffer_isAnswered_andWhatWasAccepted_isWhatTheEngineHolds() throws Exception {
    List<String> spaces = List.of("alpha", "beta");
    int count = 300;
    try (Loopback loopback = new Loopback(data)) {
      List<CompletableFuture<OfferResult>> answers = new ArrayList<>();
      try (GrpcOfferClient client = GrpcOfferClient.connect("127.0.0.1", loopback.server.port(), spaces, LIVENESS)) {
        for (int i = 0; i < count; i++) {
          answers.add(client.offer(spaces.get(i % 2), new float[] {1, i, 0, 0}, "observation " + i));
        }
        CompletableFuture.allOf(answers.toArray(CompletableFuture[]::new)).get();
      }
      Set<String> accepted = new HashSet<>(); // "space/id": an id is unique within its space
      long refused = 0;
      for (int i = 0; i < count; i++) {
        OfferResult result = answers.get(i).join();
        if (result.accepted()) {
          accepted.add(spaces.get(i % 2) + "/" + result.memoryId());
        } else {
          refused++;
        }
      }
      assertThat(accepted.size() + refused).isEqualTo(count);
      assertThat(accepted).isNotEmpty();

      loopback.engine.awaitIndexed();
      Set<String> held = new HashSet<>();
      for (String space : spaces) {
        RecallResult recall = loopback.engine.recall(space, new float[] {1, 0, 0, 0}, count)
            .get();
        recall.hits().forEach(hit -> held.add(space + "/" + hit.memoryId()));
      }
      assertThat(held).isEqualTo(accepted);
    }
  }

  @Test
  void anOfferToASpaceItDidNotOpen_isTheCallersMistake() throws Exception {
    try (Loopback loopback = new Loopback(data);
        GrpcOfferClient client = GrpcOfferClient.connect("127.0.0.1", loopback.server.port(), List.of("alpha"),
            LIVENESS)) {
      assertThatThrownBy(() -> client.offer("gamma", new float[] {1, 0, 0, 0}, "x"))
          .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("gamma");
    }
  }

  @Test
  void aSpaceTheServerRefuses_failsConnect() {
    try (Loopback loopback = new Loopback(data)) {
      assertThatThrownBy(() -> GrpcOfferClient.connect("127.0.0.1", loopback.server.port(), List.of("NO"), LIVENESS))
          .isInstanceOf(IllegalStateException.class).hasMessageContaining("could not open a session");
    }
  }
}
