package io.detsim.sim;

import static org.assertj.core.api.Assertions.assertThat;

import io.detsim.sim.buggify.BuggifyOptions;
import io.detsim.sim.fault.Fault;
import io.detsim.sim.fault.ScheduledFault;
import io.detsim.sim.port.NodeId;
import io.detsim.sim.port.Ratio;
import io.detsim.sim.trace.TraceEvent;
import java.util.ArrayList;
import java.util.List;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.Test;

/**
 * {@code heal-all} healed the network, reset the clocks, unpaused and restarted the nodes, but left
 * BUGGIFY on. The liveness phase that follows it is meant to be quiet (every fault healed, the system
 * must settle within a bound), yet the engine's fault points kept firing in it: swarm seed
 * {@code 0xfd9b51d44d197a96} had its only worker killed by {@code SPURIOUS_WORKER_DEATH} and
 * {@code EARLY_TIMEOUT} six times in the 400 ms after heal-all, so the 200 ms visibility check
 * reported a CONSISTENCY_TIMEOUT that no scheduled fault caused: a false alarm of the harness. Now
 * heal-all switches BUGGIFY off, as FoundationDB does when its quiet phase starts, at that instant,
 * and says so in the trace.
 */
class BuggifyQuietPhaseRegressionTest {
  private static final long MS = 1_000_000L;
  private static final long HEAL_AT_NANOS = 100 * MS;

  enum Site { ALWAYS_ON }

  /** Every site enabled, each firing half the time: without the switch, it fires after heal-all too. */
  private static final BuggifyOptions EVERY_SITE = new BuggifyOptions(true, Ratio.of(1, 1), Ratio.of(1, 2));

  @Test
  void healAll_switchesBuggifyOff_fromThatInstant() {
    Simulation sim = new Simulation(11, SimOptions.none().withBuggify(EVERY_SITE));
    NodeId node = Probe.add(sim, "node");
    sim.schedule(List.of(new ScheduledFault(HEAL_AT_NANOS, new Fault.HealAll())));
    List<Long> firedAt = askEveryMillisecond(sim, node, 200); // at 100 ms: after heal-all (insertion order)
    sim.runFor(200 * MS);

    assertThat(firedAt).as("BUGGIFY fires in the safety phase").anyMatch(at -> at < HEAL_AT_NANOS);
    assertThat(firedAt).as("and never from heal-all on").allMatch(at -> at < HEAL_AT_NANOS);
  }

  @Test
  void healAll_tracesTheSwitch_once_atItsInstant() {
    Simulation sim = new Simulation(11, SimOptions.none().withBuggify(EVERY_SITE));
    List<TraceEvent> events = new ArrayList<>();
    sim.trace().setSink(events::add);
    Probe.add(sim, "node");
    sim.schedule(List.of(new ScheduledFault(HEAL_AT_NANOS, new Fault.HealAll()),
        new ScheduledFault(150 * MS, new Fault.HealAll())));
    sim.runFor(200 * MS);

    assertThat(events).filteredOn(event -> event.kind().equals("buggify"))
        .extracting(TraceEvent::timeNanos, TraceEvent::node)
        .containsExactly(Tuple.tuple(HEAL_AT_NANOS, "sim"));
  }

  @Test
  void healAll_withoutBuggify_tracesNoSwitch() {
    Simulation sim = new Simulation(11, SimOptions.none());
    List<TraceEvent> events = new ArrayList<>();
    sim.trace().setSink(events::add);
    Probe.add(sim, "node");
    sim.schedule(List.of(new ScheduledFault(HEAL_AT_NANOS, new Fault.HealAll())));
    sim.runFor(200 * MS);

    assertThat(events).noneMatch(event -> event.kind().equals("buggify"));
  }

  private static List<Long> askEveryMillisecond(Simulation sim, NodeId node, int count) {
    List<Long> firedAt = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      sim.at(i * MS, () -> {
        if (Probe.of(sim, node).context.buggify(Site.ALWAYS_ON)) {
          firedAt.add(sim.nowNanos());
        }
      });
    }
    return firedAt;
  }
}
