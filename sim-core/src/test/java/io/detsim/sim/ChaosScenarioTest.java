package io.detsim.sim;

import static org.assertj.core.api.Assertions.assertThat;

import io.detsim.sim.clock.ClockSkewSimulator;
import io.detsim.sim.fault.BurstLoadGenerator;
import io.detsim.sim.fault.ChaosScenario;
import io.detsim.sim.fault.Fault;
import io.detsim.sim.fault.FaultSchedule;
import io.detsim.sim.fault.ScheduledFault;
import io.detsim.sim.net.DelayInjector;
import io.detsim.sim.net.PacketLossSimulator;
import io.detsim.sim.port.NodeId;
import io.detsim.sim.port.Ratio;
import io.detsim.sim.random.Xoshiro256;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ChaosScenarioTest {
  private static final long S = 1_000_000_000L;
  private static final long MS = 1_000_000L;

  @Test
  void builder_composesEveryInjector_andEndsWithHealAll() {
    List<NodeId> nodes = List.of(NodeId.of("a"), NodeId.of("b"));
    FaultSchedule schedule = ChaosScenario.builder(nodes, 60 * S)
        .withDelay(DelayInjector.millis(0, 100))
        .withPacketLoss(new PacketLossSimulator(Ratio.of(1, 100)))
        .withClockSkew(new ClockSkewSimulator(5 * S, 30 * S))
        .withBurstLoad(new BurstLoadGenerator(10_000, 5 * S))
        .with(10 * S, new Fault.Crash(NodeId.of("a")))
        .build(new Xoshiro256(1));
    List<Fault> faults = new ArrayList<>();
    schedule.entries().forEach(e -> faults.add(e.fault()));
    assertThat(faults).contains(new Fault.Delay(0, 100 * MS), new Fault.Loss(Ratio.of(1, 100)), new Fault.Crash(NodeId.of("a")));
    assertThat(faults.stream().filter(f -> f instanceof Fault.ClockOffset)).hasSize(2 * 2);
    assertThat(faults.stream().filter(f -> f instanceof Fault.Burst)).hasSize(11); // 5 s, 10 s, ... 55 s
    ScheduledFault last = schedule.entries().get(schedule.size() - 1);
    assertThat(last).isEqualTo(new ScheduledFault(60 * S, new Fault.HealAll()));
    assertThat(FaultSchedule.parse(schedule.toText())).isEqualTo(schedule);
  }

  @Test
  void burstLoadGenerator_producesRealLoad_throughTheWorkload() {
    Simulation sim = new Simulation(1, SimOptions.none());
    NodeId a = Probe.add(sim, "a");
    NodeId b = Probe.add(sim, "b");
    sim.start();
    sim.onBurst(size -> {
      for (int i = 0; i < size; i++) {
        Probe.of(sim, a).context.send(b, i);
      }
    });
    sim.schedule(new BurstLoadGenerator(100, 1 * S).schedule(1 * S, 4 * S));
    sim.runFor(5 * S);
    assertThat(Probe.of(sim, b).received).hasSize(300);
    assertThat(sim.networkStats().sent()).isEqualTo(300);
  }

  @Test
  void noInjectors_giveOnlyTheFinalHeal() {
    FaultSchedule schedule = ChaosScenario.builder(List.of(NodeId.of("a")), 10 * S).build(new Xoshiro256(1));
    assertThat(schedule.entries()).containsExactly(new ScheduledFault(10 * S, new Fault.HealAll()));
  }
}
