package io.detsim.sim;

import static org.assertj.core.api.Assertions.assertThat;

import io.detsim.sim.port.NodeId;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Each fault verb of Simulation does what its fault does, its inverse undoes it, and both are traced. */
class FaultVerbsTest {
  private static final long MS = 1_000_000L;

  private final Simulation sim = new Simulation(5, SimOptions.none());
  private final NodeId a = Probe.add(sim, "a");
  private final NodeId b = Probe.add(sim, "b");

  private List<Object> deliveredTo(NodeId node) {
    return Probe.of(sim, node).messages();
  }

  @Test
  void partition_dropsBothWays_andHeal_endsIt() {
    sim.start();
    sim.partition(List.of(a), List.of(b));
    Probe.sendAt(sim, 1 * MS, a, b, "lost a->b");
    Probe.sendAt(sim, 1 * MS, b, a, "lost b->a");
    sim.runFor(100 * MS);
    sim.heal();
    Probe.sendAt(sim, 101 * MS, a, b, "after heal");
    sim.runFor(100 * MS);

    assertThat(deliveredTo(b)).containsExactly("after heal");
    assertThat(deliveredTo(a)).isEmpty();
    assertThat(sim.networkStats().sent()).isEqualTo(3);
  }

  @Test
  void clog_holdsALink_andUnclog_deliversWhatItHeld() {
    sim.start();
    sim.clog(a, b, 10_000 * MS);
    Probe.sendAt(sim, 1 * MS, a, b, "held");
    Probe.sendAt(sim, 1 * MS, b, a, "other way");
    sim.runFor(100 * MS);
    assertThat(deliveredTo(b)).isEmpty();
    assertThat(deliveredTo(a)).containsExactly("other way");

    sim.unclog(a, b);
    sim.runFor(100 * MS);
    assertThat(deliveredTo(b)).containsExactly("held");
  }

  @Test
  void skewClock_movesOneNodesClock_andZeroPutsItBack() {
    sim.start();
    sim.skewClock(a, 5_000 * MS);
    assertThat(sim.clock(a).nowNanos() - sim.nowNanos()).isEqualTo(5_000 * MS);
    assertThat(sim.clock(b).nowNanos()).isEqualTo(sim.nowNanos());
    sim.skewClock(a, 0);
    assertThat(sim.clock(a).nowNanos()).isEqualTo(sim.nowNanos());
  }

  @Test
  void healAll_restartsACrashedNode_andEveryVerbIsTracedAsAFault() {
    List<String> faults = new ArrayList<>();
    sim.trace().setSink(event -> {
      if (event.kind().equals("fault")) {
        faults.add(event.detail());
      }
    });
    sim.start();
    sim.crash(b);
    assertThat(sim.isUp(b)).isFalse();
    sim.healAll();
    assertThat(sim.isUp(b)).isTrue();
    assertThat(sim.diskStats(b)).isNotNull();
    sim.partition(List.of(a), List.of(b));
    sim.heal();

    assertThat(faults).containsExactly("heal-all", "partition a | b", "heal");
  }
}
