package io.detsim.engine.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.detsim.engine.protocol.SpaceId;
import io.detsim.sim.SimOptions;
import io.detsim.sim.Simulation;
import io.detsim.sim.buggify.BuggifyOptions;
import io.detsim.sim.port.NodeId;
import io.detsim.sim.port.Ratio;
import org.junit.jupiter.api.Test;

/**
 * What went wrong: the server marked an observation durable in the callback of its own commit
 * request. BUGGIFY's SLOW_SYNC holds a commit request back, so a later observation's commit could
 * complete first, and the session table saw seq 3 become durable while seq 2 was not: an
 * AssertionError in the table, and in production an ACCEPTED out of sequence order. A completed
 * commit proves every earlier record durable, so durability is now a watermark over the log.
 * Found by the end-to-end test with every BUGGIFY site enabled.
 */
class SlowSyncOrderRegressionTest {
  @Test
  void heldBackCommits_stillMakeObservationsDurableInSequenceOrder() {
    Simulation sim = new Simulation(7, SimOptions.none().withBuggify(new BuggifyOptions(true, Ratio.ALWAYS, Ratio.of(1, 2))));
    NodeId server = sim.addNode("server", context -> new EngineServer(context, EngineOptions.defaults(16)));
    sim.addNode("client", Clients.streaming(server, "space-a", 300, 16));
    sim.runFor(20_000_000_000L);
    assertThat(sim.buggifyReport().get("EngineSite.SLOW_SYNC")).startsWith("enabled").doesNotEndWith("fired 0");
    assertThat(Clients.view(sim, "client").isDone()).isTrue();
    assertThat(sim.node(server, EngineServer.class).held(SpaceId.of("space-a")))
        .extracting(EngineServer.Held::seq).isSorted().hasSize(300);
  }
}
