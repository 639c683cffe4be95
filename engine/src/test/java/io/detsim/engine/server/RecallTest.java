package io.detsim.engine.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.detsim.engine.protocol.Recall;
import io.detsim.engine.protocol.RecallBatch;
import io.detsim.engine.protocol.RecallHit;
import io.detsim.engine.protocol.RejectReason;
import io.detsim.engine.protocol.SpaceId;
import io.detsim.sim.SimOptions;
import io.detsim.sim.Simulation;
import io.detsim.sim.port.Node;
import io.detsim.sim.port.NodeContext;
import io.detsim.sim.port.NodeId;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Recall through the engine: batches of ten, snapshot generations, and spaces kept apart. */
class RecallTest {
  private static final long MS = 1_000_000L;
  private static final int DIMENSION = 16;

  /** Sends the recalls it is told to, and keeps every batch that comes back. */
  static final class Asker implements Node {
    final NodeContext context;
    final List<RecallBatch> answers = new ArrayList<>();

    Asker(NodeContext context) {
      this.context = context;
    }

    @Override
    public void onMessage(NodeId source, Object message) {
      if (message instanceof RecallBatch) {
        answers.add((RecallBatch) message);
      }
    }

    /** The batches of one request in page order: they may cross each other on the network. */
    List<RecallBatch> answersTo(long requestId) {
      List<RecallBatch> batches = new ArrayList<>();
      answers.stream().filter(b -> b.requestId() == requestId).forEach(batches::add);
      batches.sort(java.util.Comparator.comparingInt(RecallBatch::batchIndex));
      return batches;
    }
  }

  private final Simulation sim = new Simulation(5, SimOptions.none());
  private NodeId server;

  private Asker world(EngineOptions options, int perSpace) {
    server = sim.addNode("server", context -> new EngineServer(context, options));
    sim.addNode("client-a", Clients.streaming(server, "space-a", perSpace, DIMENSION));
    sim.addNode("client-b", Clients.streaming(server, "space-b", perSpace, DIMENSION));
    NodeId asker = sim.addNode("asker", Asker::new);
    sim.runFor(5_000 * MS);
    return sim.node(asker, Asker.class);
  }

  private void ask(Asker asker, long requestId, String space, int k, boolean snapshot) {
    float[] cue = new float[DIMENSION];
    cue[0] = 1f;
    asker.context.send(server, new Recall(requestId, space, null, cue, k, snapshot));
    sim.runFor(100 * MS);
  }

  @Test
  void results_comeInBatchesOfTen_withMoreOnAllButTheLast_andStayInTheirSpace() {
    Asker asker = world(EngineOptions.defaults(DIMENSION), 200);
    ask(asker, 1, "space-a", 25, true);
    List<RecallBatch> batches = asker.answersTo(1);
    assertThat(batches).extracting(b -> b.results().size()).containsExactly(10, 10, 5);
    assertThat(batches).extracting(RecallBatch::more).containsExactly(true, true, false);
    List<RecallHit> hits = new ArrayList<>();
    batches.forEach(b -> hits.addAll(b.results()));
    assertThat(hits).allSatisfy(hit -> {
      assertThat(hit.space()).isEqualTo(SpaceId.of("space-a"));
      assertThat(hit.memoryId()).startsWith("client-a-");
    });
    assertThat(hits).extracting(RecallHit::similarity).isSortedAccordingTo((x, y) -> Float.compare(y, x));
  }

  @Test
  void snapshotRecall_seesExactlyWhatWasVisibleAtItsGeneration() {
    Asker asker = world(EngineOptions.defaults(DIMENSION), 200);
    ask(asker, 1, "space-a", 1_000, true);
    RecallBatch first = asker.answersTo(1).get(0);
    assertThat(first.snapshotGeneration()).isEqualTo(200);
    int total = asker.answersTo(1).stream().mapToInt(b -> b.results().size()).sum();
    assertThat(total).isEqualTo(200);
    EngineServer engine = sim.node(server, EngineServer.class);
    long visibleAtSnapshot = engine.held(SpaceId.of("space-a")).stream()
        .filter(h -> h.generation() > 0 && h.generation() <= first.snapshotGeneration()).count();
    assertThat(visibleAtSnapshot).isEqualTo(total);
  }

  @Test
  void unknownSpace_answersEmpty_andABadCue_isRefused() {
    Asker asker = world(EngineOptions.defaults(DIMENSION), 10);
    ask(asker, 7, "space-none", 5, true);
    assertThat(asker.answersTo(7)).singleElement().satisfies(b -> {
      assertThat(b.results()).isEmpty();
      assertThat(b.more()).isFalse();
    });
    asker.context.send(server, new Recall(8, "space-a", null, new float[DIMENSION], 5, true));
    sim.runFor(100 * MS);
    assertThat(asker.answersTo(8)).singleElement().satisfies(b -> assertThat(b.reason()).isEqualTo(RejectReason.INVALID_INPUT));
  }
}
