package io.detsim.sim;

import static org.assertj.core.api.Assertions.assertThat;

import io.detsim.sim.fault.Fault;
import io.detsim.sim.fault.FaultKind;
import io.detsim.sim.fault.ScheduledFault;
import io.detsim.sim.port.NodeId;
import io.detsim.sim.port.RandomSource;
import io.detsim.sim.port.Ratio;
import io.detsim.sim.random.RandomStreams;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * Hundreds of seeds of the echo protocol between five nodes, each seed with a swarm of fault kinds
 * and a random schedule of them, then everything healed. The kernel's promises must hold in every
 * run, every client must finish once faults heal, and every run must replay to the same digest.
 */
class KernelSeedSweepTest {
  private static final long MS = 1_000_000L;
  private static final int SEEDS = 300;
  private static final long FAULTS_UNTIL = 2_000 * MS;
  private static final long RUN_UNTIL = 8_000 * MS;

  @Test
  void kernelInvariantsHold_andRunsReplay_acrossSwarmedSeeds() {
    Map<FaultKind, Integer> coverage = new EnumMap<>(FaultKind.class);
    long deliveries = 0;
    for (long seed = 1; seed <= SEEDS; seed++) {
      SweepPlan.Plan plan = SweepPlan.plan(seed);
      List<ScheduledFault> schedule = randomSchedule(plan, new RandomStreams(seed).stream("test/schedule"));
      for (ScheduledFault entry : schedule) {
        FaultKind.of(entry.fault()).ifPresent(kind -> coverage.merge(kind, 1, Integer::sum));
      }
      plan.enabled().stream().filter(k -> k == FaultKind.BUGGIFY || k == FaultKind.SHUFFLE_TIES)
          .forEach(kind -> coverage.merge(kind, 1, Integer::sum));

      KernelInvariants invariants = new KernelInvariants();
      Simulation sim = run(seed, plan, schedule, invariants);
      assertThat(invariants.violations()).as("seed %d", seed).isEmpty();
      for (int i = 0; i < 3; i++) {
        assertThat(sim.node(NodeId.of("client-" + i), EchoProtocol.Client.class).isDone())
            .as("seed %d: client-%d finishes after faults heal (plan %s)", seed, i, plan.enabled()).isTrue();
      }
      assertThat(sim.networkStats().delivered())
          .isLessThanOrEqualTo(sim.networkStats().sent() + sim.networkStats().duplicated());
      assertThat(run(seed, plan, schedule, null).digest()).as("seed %d replays", seed).isEqualTo(sim.digest());
      deliveries += invariants.deliveries();
    }
    assertThat(coverage.keySet()).as("every fault kind exercised").containsAll(List.of(FaultKind.values()));
    assertThat(deliveries).isGreaterThan(SEEDS * 100L);
  }

  private static Simulation run(long seed, SweepPlan.Plan plan, List<ScheduledFault> schedule, KernelInvariants sink) {
    Simulation sim = EchoProtocol.world(seed, plan.options(), 2, 3, 20);
    sim.onBurst(size -> { });
    if (sink != null) {
      sim.trace().setSink(sink);
    }
    sim.schedule(schedule);
    sim.runFor(RUN_UNTIL);
    return sim;
  }

  private static List<ScheduledFault> randomSchedule(SweepPlan.Plan plan, RandomSource random) {
    List<NodeId> servers = List.of(NodeId.of("server-0"), NodeId.of("server-1"));
    List<NodeId> everyone = List.of(servers.get(0), servers.get(1),
        NodeId.of("client-0"), NodeId.of("client-1"), NodeId.of("client-2"));
    List<ScheduledFault> entries = new ArrayList<>();
    for (FaultKind kind : plan.enabled()) {
      int count = (int) random.nextLong(0, 3);
      for (int i = 0; i < count; i++) {
        long at = random.nextLong(0, FAULTS_UNTIL);
        NodeId server = servers.get(random.nextInt(2));
        NodeId node = everyone.get(random.nextInt(everyone.size()));
        NodeId other = everyone.get(random.nextInt(everyone.size()));
        for (Fault fault : faultsOf(kind, server, node, other, random)) {
          entries.add(new ScheduledFault(at, fault));
          at += random.nextLong(1, 300) * MS;
        }
      }
    }
    entries.add(new ScheduledFault(FAULTS_UNTIL, new Fault.HealAll()));
    entries.sort(null);
    return entries;
  }

  private static List<Fault> faultsOf(FaultKind kind, NodeId server, NodeId node, NodeId other, RandomSource random) {
    switch (kind) {
      case CRASH:
        return List.of(new Fault.Crash(server), new Fault.Restart(server));
      case PAUSE:
        return List.of(new Fault.Pause(node, random.nextLong(1, 500) * MS));
      case KILL:
        return List.of(new Fault.Kill(server.child("counter")));
      case PARTITION:
        return node.equals(other) ? List.of() : List.of(
            new Fault.Partition(new TreeSet<>(List.of(node)), new TreeSet<>(List.of(other)), random.chance(Ratio.of(1, 2))),
            new Fault.Heal());
      case CLOG:
        return node.equals(other) ? List.of() : List.of(new Fault.Clog(node, other, random.nextLong(1, 400) * MS));
      case DELAY:
        return List.of(new Fault.Delay(0, random.nextLong(1, 100) * MS));
      case LOSS:
        return List.of(new Fault.Loss(Ratio.of(1, random.nextLong(2, 50))));
      case DUPLICATE:
        return List.of(new Fault.Duplicate(Ratio.of(1, random.nextLong(2, 50))));
      case REORDER:
        return List.of(new Fault.Reorder(Ratio.of(1, random.nextLong(2, 20))));
      case CLOCK_SKEW:
        return List.of(new Fault.ClockOffset(node, random.nextLong(-5_000, 5_000) * MS),
            new Fault.ClockJump(node, random.nextLong(-1_000, 1_000) * MS), new Fault.ClockDrift(node, random.nextLong(-500, 500)));
      case DISK:
        return List.of(new Fault.CorruptDisk(server));
      case BURST:
        return List.of(new Fault.Burst((int) random.nextLong(1, 100)));
      default:
        return List.of(); // options-only kinds
    }
  }
}
