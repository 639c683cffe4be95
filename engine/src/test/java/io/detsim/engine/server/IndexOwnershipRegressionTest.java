package io.detsim.engine.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.detsim.engine.client.ClientView;
import io.detsim.engine.index.HnswIndex;
import io.detsim.engine.index.HnswParams;
import io.detsim.engine.protocol.SpaceId;
import io.detsim.sim.SimOptions;
import io.detsim.sim.Simulation;
import io.detsim.sim.buggify.BuggifyOptions;
import io.detsim.sim.port.NodeId;
import io.detsim.sim.port.Ratio;
import io.detsim.sim.random.Xoshiro256;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * What went wrong: the server checked INDEXED against the space's index as INDEXED went out. When
 * durability came after indexing, that was at the commit's completion, and by then the next batch
 * of the space could be out at a worker. On the real runtime the worker's insert and the server's
 * lookup ran on two threads: the lookup met the id table half-way through growing and threw
 * ArrayIndexOutOfBoundsException, which crashed the embedded engine's server (CI, in
 * {@code EmbeddedScenariosTest.worker_failure_recovery}). The simulator runs one thread and never
 * showed it. Now the server reads an index only through {@link SpaceLine#atHome}, which
 * refuses while a batch of the space is out, so the old code fails this simulated run; the check
 * itself moved to the instant a worker's report arrives, when the index is the server's.
 */
class IndexOwnershipRegressionTest {
  @Test
  void durabilityAfterIndexing_neverReadsAnIndexThatIsOut() {
    Simulation sim = new Simulation(11, SimOptions.none().withBuggify(new BuggifyOptions(true, Ratio.ALWAYS, Ratio.of(1, 2))));
    NodeId server = sim.addNode("server", context -> new EngineServer(context, EngineOptions.defaults(16)));
    sim.addNode("client", Clients.streaming(server, "space-a", 600, 16));
    sim.runFor(20_000_000_000L);

    assertThat(sim.buggifyReport().get("EngineSite.SLOW_SYNC")).startsWith("enabled").doesNotEndWith("fired 0");
    ClientView client = Clients.view(sim, "client");
    assertThat(client.isDone()).isTrue();
    assertThat(client.indexedCount()).isEqualTo(600);
    assertThat(sim.node(server, EngineServer.class).held(SpaceId.of("space-a")))
        .allMatch(held -> held.durable() && held.indexed() && held.generation() > 0).hasSize(600);
  }

  @Test
  void theServerMayNotReadAnIndexWhileItsBatchIsOut() {
    SpaceIndex index = new SpaceIndex(SpaceId.of("space-a"), new HnswIndex(HnswParams.defaults(4), new Xoshiro256(1)),
        Set.of());
    SpaceLine line = new SpaceLine(index, 0);
    assertThat(line.atHome()).isSameAs(index);

    line.batchesOut = 1;

    assertThatThrownBy(line::atHome).isInstanceOf(AssertionError.class)
        .hasMessageContaining("space-a").hasMessageContaining("while worker 0 writes it");
  }
}
