package io.detsim.engine.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.detsim.engine.client.ClientView;
import io.detsim.engine.client.ObservationRecord;
import io.detsim.engine.client.SessionRecord;
import io.detsim.engine.metrics.MetricNames;
import io.detsim.engine.protocol.RejectReason;
import io.detsim.engine.protocol.SpaceId;
import io.detsim.sim.SimOptions;
import io.detsim.sim.Simulation;
import io.detsim.sim.port.NodeId;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The held-data budget ({@link EngineOptions#heldObservationsMax}): once the engine holds that many
 * observations it refuses the next with STORE_FULL, never evicts one it acknowledged, and the
 * streaming client takes the refusal as final (REJECTED, not retried, not lost).
 */
class StoreFullTest {
  private static final long MS = 1_000_000L;
  private static final int DIMENSION = 16;
  private static final SpaceId SPACE = SpaceId.of("space-0");

  private static Simulation world(long seed, long budget, int observations) {
    Simulation sim = new Simulation(seed, SimOptions.none());
    NodeId server = sim.addNode("server",
        context -> new EngineServer(context, EngineOptions.defaults(DIMENSION).withHeldObservationsMax(budget)));
    sim.addNode("client-0", Clients.streaming(server, SPACE.value(), observations, DIMENSION));
    return sim;
  }

  private static EngineServer server(Simulation sim) {
    return sim.node(NodeId.of("server"), EngineServer.class);
  }

  @Test
  void simulationDefaults_haveNoBudget() {
    assertThat(EngineOptions.defaults(DIMENSION).heldObservationsMax()).isEqualTo(EngineOptions.UNLIMITED);
    assertThat(EngineOptions.defaults(768).withWorkers(2).withCompactAfterRecords(10).heldObservationsMax())
        .isEqualTo(EngineOptions.UNLIMITED);
  }

  @Test
  void beyondTheBudget_everyObservationIsRefusedStoreFull_forGood_andTheHeldOnesStay() {
    Simulation sim = world(11, 300, 500);
    sim.runFor(30_000 * MS);

    ClientView client = Clients.view(sim, "client-0");
    assertThat(client.isDone()).isTrue();
    assertThat(client.anomalies()).isEmpty();
    assertThat(client.acceptedCount()).isEqualTo(300);
    assertThat(client.finallyRejectedCount()).isEqualTo(200);
    List<ObservationRecord> records = client.observations();
    for (ObservationRecord record : records.subList(300, 500)) {
      assertThat(record.outcome()).isEqualTo(ObservationRecord.Outcome.REJECTED);
      assertThat(record.finalReason()).isEqualTo(RejectReason.STORE_FULL);
      assertThat(record.rejectionCount(RejectReason.STORE_FULL)).as("refused once, not retried").isEqualTo(1);
    }
    assertThat(client.rejectionCount(RejectReason.OVER_CAPACITY)).isZero();
    assertThat(client.sessions()).extracting(SessionRecord::openedBecause).contains(SessionRecord.Cause.STORE_FULL);

    List<EngineServer.Held> held = server(sim).held(SPACE);
    assertThat(held).extracting(EngineServer.Held::memoryId).containsExactlyElementsOf(Clients.accepted(client));
    assertThat(held).hasSize(300).allSatisfy(h -> assertThat(h.durable() && h.indexed()).isTrue());
    assertThat(server(sim).metrics().counter(MetricNames.OBSERVATIONS_REJECTED_TOTAL, SPACE.value(), "store_full"))
        .isEqualTo(200);
  }
}
