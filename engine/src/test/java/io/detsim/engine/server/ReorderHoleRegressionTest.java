package io.detsim.engine.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.detsim.engine.protocol.Ack;
import io.detsim.engine.protocol.AckOutcome;
import io.detsim.engine.protocol.Episode;
import io.detsim.engine.protocol.Init;
import io.detsim.engine.protocol.InitAck;
import io.detsim.engine.protocol.Observation;
import io.detsim.engine.protocol.Priority;
import io.detsim.engine.protocol.RejectReason;
import io.detsim.engine.protocol.SessionId;
import io.detsim.sim.SimOptions;
import io.detsim.sim.Simulation;
import io.detsim.sim.port.Node;
import io.detsim.sim.port.NodeContext;
import io.detsim.sim.port.NodeId;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * What went wrong: when a hole outlived the server's one-second reorder hold, the server refused
 * every observation it held behind the hole as SEQUENCE_GAP. {@code sustained_10min --seed 0x1}
 * streamed cleanly for 260 simulated seconds, then one lost retransmission cost the client its
 * whole window (about 430 observations), which it resent at its paced rate into a network losing 1 %
 * of them: new holes outlived the hold, each refusal threw away another window and halved its rate,
 * and it ended near an eighth of its 1,000/s, 292,097 observations not even sent after ten minutes
 * (SILENT_DROP at 630 s). The server now answers a hole once a hold time by refusing only the lowest
 * held observation, and keeps the rest until the hole fills, as a TCP receiver keeps out-of-order
 * segments; only what waits five hold times is refused outright, so nothing is held forever.
 *
 * <p>A scripted client on a lossless network makes the hole: it sends #1, then #3 to #40, and #2
 * only when the test says.
 */
class ReorderHoleRegressionTest {
  private static final long MS = 1_000_000L;
  private static final int DIMENSION = 16;
  private static final int LAST = 40;

  /** Sends the observations it is told to, once each, and notes every answer. */
  static final class ScriptedClient implements Node {
    private final NodeContext context;
    private final NodeId server;
    private final List<Ack> answers = new ArrayList<>();
    private SessionId session;

    ScriptedClient(NodeContext context, NodeId server) {
      this.context = context;
      this.server = server;
    }

    @Override
    public void onStart() {
      context.send(server, new Init(1, "space-a", 1_024, false, 0));
    }

    @Override
    public void onMessage(NodeId source, Object message) {
      if (message instanceof InitAck ack) {
        session = ack.session();
        send(1);
        for (long seq = 3; seq <= LAST; seq++) {
          send(seq);
        }
      } else if (message instanceof Ack ack) {
        answers.add(ack);
      }
    }

    void send(long seq) {
      float[] embedding = new float[DIMENSION];
      embedding[(int) (seq % DIMENSION)] = 1f;
      Episode episode = new Episode("ep-" + seq, "space-a", seq, "observation " + seq, embedding, 1f);
      context.send(server, new Observation(session, seq, Priority.NORMAL, episode));
    }

    List<Long> refusedAsGap() {
      return answers.stream().filter(ack -> ack.reason() == RejectReason.SEQUENCE_GAP).map(Ack::seq).toList();
    }

    List<Long> accepted() {
      return answers.stream().filter(ack -> ack.outcome() == AckOutcome.ACCEPTED).map(Ack::seq).toList();
    }
  }

  private static Simulation world() {
    Simulation sim = new Simulation(7, SimOptions.none());
    NodeId server = sim.addNode("server", context -> new EngineServer(context, EngineOptions.defaults(DIMENSION)));
    sim.addNode("client", context -> new ScriptedClient(context, server));
    return sim;
  }

  private static ScriptedClient client(Simulation sim) {
    return sim.node(NodeId.of("client"), ScriptedClient.class);
  }

  @Test
  void aHoleHeldPastTheHold_isAnsweredOnce_andWhatIsHeldBehindItStays() {
    Simulation sim = world();
    sim.runFor(1_500 * MS);
    assertThat(client(sim).accepted()).as("accepted before the hole").containsExactly(1L);
    assertThat(client(sim).refusedAsGap()).as("the hole's answer: the lowest held, once").containsExactly(3L);

    sim.at(1_600 * MS, () -> client(sim).send(2)); // the resend the answer asked for; nothing else is resent
    sim.runFor(1_000 * MS);
    assertThat(client(sim).accepted()).as("everything held was admitted once the hole filled")
        .containsExactlyInAnyOrderElementsOf(all(1, LAST));
    assertThat(client(sim).refusedAsGap()).containsExactly(3L);
  }

  @Test
  void aHoleThatNeverFills_isAnsweredOnceAHoldTime_thenWhatIsHeldIsRefused() {
    Simulation sim = world();
    sim.runFor(4_500 * MS);
    assertThat(client(sim).refusedAsGap()).as("one answer per hold time, each naming the lowest held")
        .containsExactly(3L, 3L, 3L, 3L);

    sim.runFor(2_000 * MS);
    List<Long> refused = client(sim).refusedAsGap();
    assertThat(refused.subList(4, refused.size())).as("after five hold times, all held are refused")
        .containsExactlyInAnyOrderElementsOf(all(3, LAST));
    assertThat(client(sim).accepted()).containsExactly(1L);
  }

  private static List<Long> all(long from, long to) {
    List<Long> seqs = new ArrayList<>();
    for (long seq = from; seq <= to; seq++) {
      seqs.add(seq);
    }
    return seqs;
  }
}
