package io.detsim.sim;

import static org.assertj.core.api.Assertions.assertThat;

import io.detsim.sim.fault.Anchor;
import io.detsim.sim.fault.Fault;
import io.detsim.sim.fault.FaultSchedule;
import io.detsim.sim.fault.ScheduledFault;
import io.detsim.sim.port.NodeId;
import io.detsim.sim.trace.TraceEvent;
import io.detsim.sim.trace.TraceRing;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A fault aimed at {@code point@k+offset} strikes at the k-th announcement plus the offset, and only then. */
class AimedFaultTest {
  private static final long MS = 1_000_000L;
  private static final Map<Simulation, TraceRing> RINGS = new IdentityHashMap<>();

  /** A node that announces {@code tick} at 10, 20, 30 ... 100 ms: the 3rd announcement is at 30 ms. */
  private static Simulation ticking(FaultSchedule schedule) {
    Simulation sim = new Simulation(7, SimOptions.none());
    NodeId a = Probe.add(sim, "a");
    for (int i = 1; i <= 10; i++) {
      sim.at(i * 10 * MS, () -> Probe.of(sim, a).context.point("tick"));
    }
    TraceRing ring = new TraceRing(10_000);
    sim.trace().setSink(ring);
    RINGS.put(sim, ring);
    sim.start();
    sim.schedule(schedule);
    return sim;
  }

  private static List<String> faultLines(Simulation sim) {
    List<String> lines = new ArrayList<>();
    TraceRing ring = RINGS.get(sim);
    for (TraceEvent event : ring.events()) {
      if (event.kind().equals("fault")) {
        lines.add(event.timeNanos() + " " + event.detail());
      }
    }
    return lines;
  }

  @Test
  void anAimedFault_strikesAtItsOccurrencePlusItsOffset_andOnlyOnce() {
    FaultSchedule schedule = FaultSchedule.parse(
        "# detsim fault schedule v2\ntick@3+0ms pause a for 1ms\ntick@3+5ms pause a for 2ms\n");
    Simulation sim = ticking(schedule);
    sim.runFor(200 * MS);
    assertThat(faultLines(sim)).containsExactly(30 * MS + " pause a for 1ms", 35 * MS + " pause a for 2ms");
    assertThat(sim.pointsReached()).containsEntry("tick", 10L);
    assertThat(sim.aimedFaultsNeverFired()).isEmpty();
  }

  @Test
  void theSameAimedScheduleAndSeed_giveTheSameDigest() {
    FaultSchedule schedule = FaultSchedule.parse("# detsim fault schedule v2\ntick@2+1ms crash a\ntick@2+3ms restart a\n");
    Simulation first = ticking(schedule);
    first.runFor(200 * MS);
    Simulation second = ticking(schedule);
    second.runFor(200 * MS);
    assertThat(first.digest()).isEqualTo(second.digest());
    assertThat(faultLines(first)).containsExactly(21 * MS + " crash a", 23 * MS + " restart a");
  }

  @Test
  void anOccurrenceNeverReached_neverFires_andIsReported() {
    ScheduledFault tooLate = ScheduledFault.aimed(new Anchor("tick", 11), 0, new Fault.Crash(NodeId.of("a")));
    ScheduledFault unknown = ScheduledFault.aimed(new Anchor("never", 1), 0, new Fault.Crash(NodeId.of("a")));
    Simulation sim = ticking(FaultSchedule.of(List.of(tooLate, unknown)));
    sim.runFor(150 * MS);
    sim.apply(new Fault.HealAll());
    assertThat(faultLines(sim)).containsExactly(150 * MS + " heal-all");
    assertThat(sim.aimedFaultsNeverFired()).containsExactly(tooLate, unknown);
  }

  @Test
  void anAimedFaultDueAfterHealAll_isDropped_soNoFaultStrikesInTheLivenessPhase() {
    ScheduledFault late = ScheduledFault.aimed(new Anchor("tick", 1), 50 * MS, new Fault.Crash(NodeId.of("a")));
    Simulation sim = ticking(FaultSchedule.of(List.of(late)));
    sim.at(20 * MS, () -> sim.apply(new Fault.HealAll()));
    sim.runFor(200 * MS);
    assertThat(faultLines(sim)).containsExactly(20 * MS + " heal-all");
    assertThat(sim.aimedFaultsNeverFired()).containsExactly(late);
  }

  @Test
  void aPointIsReachedUnderAFaultKind_whenTheFaultStrikesWithinTenMillisecondsAfterIt() {
    Simulation sim = ticking(FaultSchedule.parse("# detsim fault schedule v1\n15ms crash a\n16ms restart a\n"
        + "55ms pause a for 1ms\n"));
    sim.runFor(200 * MS);
    assertThat(sim.pointsUnderFaults()).containsOnlyKeys("tick");
    assertThat(sim.pointsUnderFaults().get("tick")).containsExactly("CRASH", "PAUSE");
  }
}
