package io.detsim.engine.grpc;

import static io.detsim.engine.grpc.Loopback.observation;
import static org.assertj.core.api.Assertions.assertThat;

import io.detsim.engine.grpc.wire.AckOutcome;
import io.detsim.engine.grpc.wire.ClientFrame;
import io.detsim.engine.grpc.wire.Close;
import io.detsim.engine.grpc.wire.EngineGrpc;
import io.detsim.engine.grpc.wire.RecallPage;
import io.detsim.engine.grpc.wire.ServerFrame;
import io.detsim.engine.grpc.wire.StatusReply;
import io.detsim.engine.grpc.wire.StatusRequest;
import io.grpc.ManagedChannel;
import io.grpc.Status;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A session over the wire: accepted observations are the engine's, recalled in pages, and kept across a restart. */
class SessionTest {
  @TempDir
  Path data;

  @Test
  void acceptedObservations_areRecalledInPages_ofOneGeneration_andSurviveARestart() throws Exception {
    try (Loopback loopback = new Loopback(data)) {
      ManagedChannel channel = loopback.channel();
      Loopback.Session session = new Loopback.Session(channel);
      String id = session.init("notes");
      for (int seq = 1; seq <= 5; seq++) {
        session.send(observation(id, seq, seq, 1, 0, 0));
      }
      List<Long> accepted = new ArrayList<>();
      while (accepted.size() < 5) {
        var ack = session.nextAck();
        assertThat(ack.getOutcome()).isEqualTo(AckOutcome.ACCEPTED);
        accepted.add(ack.getSeq());
      }
      assertThat(accepted).containsExactlyInAnyOrder(1L, 2L, 3L, 4L, 5L);
      session.out.onNext(ClientFrame.newBuilder().setClose(Close.getDefaultInstance()).build());
      ServerFrame closed = session.next();
      assertThat(closed.getClosed().getAccepted()).isEqualTo(5);
      assertThat(session.awaitEnd()).isEqualTo(Status.OK);
      loopback.engine.awaitIndexed();

      List<RecallPage> pages = recall(channel, 5, 2);
      assertThat(pages).hasSize(3);
      assertThat(pages).extracting(RecallPage::getMore).containsExactly(true, true, false);
      assertThat(pages).extracting(RecallPage::getSnapshotGeneration).containsOnly(pages.get(0).getSnapshotGeneration());
      assertThat(pages.stream().flatMap(page -> page.getHitsList().stream()).map(hit -> hit.getMemoryId()))
          .containsExactlyInAnyOrder("m1", "m2", "m3", "m4", "m5");

      StatusReply status = EngineGrpc.newBlockingStub(channel).status(StatusRequest.getDefaultInstance());
      assertThat(status.getState()).isEqualTo("RUNNING");
      assertThat(status.getServing()).isTrue();
      assertThat(status.getDimension()).isEqualTo(Loopback.DIMENSION);
      channel.shutdownNow();
      loopback.engine.runtime().crash(loopback.engine.serverId()); // as a kill -9 would leave the folder
    }
    try (Loopback restarted = new Loopback(data)) {
      ManagedChannel channel = restarted.channel();
      restarted.engine.awaitIndexed();
      assertThat(recall(channel, 5, 100).get(0).getHitsList()).extracting(hit -> hit.getMemoryId())
          .containsExactlyInAnyOrder("m1", "m2", "m3", "m4", "m5");
      channel.shutdownNow();
    }
  }

  private static List<RecallPage> recall(ManagedChannel channel, int k, int pageSize) {
    List<RecallPage> pages = new ArrayList<>();
    EngineGrpc.newBlockingStub(channel)
        .recall(BadInputTest.cue("notes", k, 1, 1, 0, 0).toBuilder().setPageSize(pageSize).build())
        .forEachRemaining(pages::add);
    return pages;
  }
}
