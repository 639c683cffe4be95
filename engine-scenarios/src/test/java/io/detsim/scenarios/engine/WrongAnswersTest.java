package io.detsim.scenarios.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.detsim.engine.client.ClientOptions;
import io.detsim.engine.client.StreamingClient;
import io.detsim.engine.protocol.RecallBatch;
import io.detsim.engine.server.EngineOptions;
import io.detsim.engine.server.EngineServer;
import io.detsim.scenarios.engine.validate.Violation;
import io.detsim.sim.SimOptions;
import io.detsim.sim.Simulation;
import io.detsim.sim.port.Node;
import io.detsim.sim.port.NodeId;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * An answer a correct server never gives loses nothing: the client notes it and goes on, so only
 * the end checks can report it. Here a recall page reaches the client from a node that is not the
 * server's; the client notes it ({@code ClientView.anomalies}) and the run goes on as before, so
 * before this check it passed.
 */
class WrongAnswersTest {
  private static final long SECOND = 1_000_000_000L;

  @Test
  void aPageFromANodeNotTheServers_isAProtocolViolation() {
    List<Violation> found = run(true);

    assertThat(found).extracting(Violation::kind).containsExactly(Violation.Kind.PROTOCOL_VIOLATION);
    assertThat(found.get(0).message()).contains("client-0 heard 1 answer(s) a correct server never gives")
        .contains("message from stray, not the server");
  }

  @Test
  void theSameRunWithoutIt_passesEveryEndCheck() {
    assertThat(run(false)).isEmpty();
  }

  private static List<Violation> run(boolean strayPage) {
    Simulation sim = new Simulation(1, SimOptions.none());
    EngineEvents events = new EngineEvents();
    sim.trace().setSink(events);
    sim.addNode(InputGenerator.SERVER.name(), context -> new EngineServer(context, EngineOptions.defaults(8)));
    ClientOptions options = ClientOptions.of(InputGenerator.SERVER, "space-0").withObservationsTotal(20)
        .withDimension(8).withRate(500).withWindowMax(64);
    NodeId client = sim.addNode("client-0", context -> new StreamingClient(context, options));
    if (strayPage) {
      sim.addNode("stray", context -> new Node() {
        @Override
        public void onStart() {
          context.send(client, new RecallBatch(77, 0, List.of(), false, 0, null));
        }

        @Override
        public void onMessage(NodeId source, Object message) {}
      });
    }
    sim.runFor(2 * SECOND);
    return new EndChecks(sim, List.of(client), events).run();
  }
}
