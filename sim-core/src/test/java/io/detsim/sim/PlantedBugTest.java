package io.detsim.sim;

import static org.assertj.core.api.Assertions.assertThat;

import io.detsim.sim.port.NodeId;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** A node learns which bugs its run planted from its context, and only those. */
class PlantedBugTest {
  enum Bug { ACK_EARLY, FORGET_ON_RESTART }

  enum OtherSystemsBug { ACK_EARLY }

  @Test
  void aNodeIsToldExactlyTheBugsItsRunPlanted() {
    Simulation sim = new Simulation(1, SimOptions.none().withPlanted(Set.of(Bug.ACK_EARLY)));
    NodeId id = sim.addNode("node", context -> new Probe(context, sim));
    sim.runFor(1_000_000);
    Probe node = sim.node(id, Probe.class);

    assertThat(node.context.planted(Bug.ACK_EARLY)).isTrue();
    assertThat(node.context.planted(Bug.FORGET_ON_RESTART)).isFalse();
    // A constant of the same name from another enum is another bug.
    assertThat(node.context.planted(OtherSystemsBug.ACK_EARLY)).isFalse();
  }

  @Test
  void aWorldPlantsNothingUnlessAsked() {
    Simulation sim = new Simulation(1, SimOptions.none());
    NodeId id = sim.addNode("node", context -> new Probe(context, sim));
    sim.runFor(1_000_000);

    assertThat(sim.node(id, Probe.class).context.planted(Bug.ACK_EARLY)).isFalse();
    assertThat(SimOptions.none().withShuffleTies(true).planted()).isEmpty();
    assertThat(SimOptions.none().withPlanted(Set.of(Bug.ACK_EARLY)).withShuffleTies(true).planted())
        .containsExactly(Bug.ACK_EARLY);
  }
}
