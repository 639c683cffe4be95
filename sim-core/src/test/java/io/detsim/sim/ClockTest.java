package io.detsim.sim;

import static org.assertj.core.api.Assertions.assertThat;

import io.detsim.sim.clock.ClockSkewSimulator;
import io.detsim.sim.fault.Fault;
import io.detsim.sim.fault.ScheduledFault;
import io.detsim.sim.port.NodeId;
import io.detsim.sim.random.Xoshiro256;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ClockTest {
  private static final long S = 1_000_000_000L;

  private long now;
  private final SimClock clock = new SimClock(() -> now);

  @Test
  void offset_shiftsTheReading_eitherWay() {
    now = 10 * S;
    clock.setOffset(-5 * S);
    assertThat(clock.nowNanos()).isEqualTo(5 * S);
    clock.setOffset(3 * S);
    assertThat(clock.nowNanos()).isEqualTo(13 * S);
  }

  @Test
  void jumpBackwards_makesTheReadingGoBack() {
    now = 10 * S;
    long before = clock.nowNanos();
    clock.jump(-2 * S);
    assertThat(clock.nowNanos()).isLessThan(before).isEqualTo(8 * S);
  }

  @Test
  void drift_accumulatesWithElapsedTime_andChangingItDoesNotJump() {
    clock.setDrift(1_000); // 1,000 ppm: 1 ms per second
    now = 10 * S;
    assertThat(clock.nowNanos()).isEqualTo(10 * S + 10_000_000L);
    long before = clock.nowNanos();
    clock.setDrift(-1_000);
    assertThat(clock.nowNanos()).isEqualTo(before);
    now = 20 * S;
    assertThat(clock.nowNanos()).isEqualTo(20 * S);
  }

  @Test
  void drift_doesNotOverflow_overEightHours() {
    clock.setDrift(1_000_000);
    now = 8 * 3600 * S;
    assertThat(clock.nowNanos()).isEqualTo(2 * now);
  }

  @Test
  void skewedNode_readsAWrongTime_butItsTimersFireAtTrueTimes() {
    Simulation sim = new Simulation(1, SimOptions.none());
    NodeId node = Probe.add(sim, "node");
    sim.start();
    sim.apply(new Fault.ClockOffset(node, -5 * S));
    List<long[]> firings = new ArrayList<>();
    Probe probe = Probe.of(sim, node);
    probe.context.setTimer(2 * S, () -> firings.add(new long[] {sim.nowNanos(), probe.context.clock().nowNanos()}));
    sim.runFor(3 * S);
    assertThat(firings).singleElement().satisfies(f -> {
      assertThat(f[0]).isEqualTo(2 * S);
      assertThat(f[1]).isEqualTo(-3 * S);
    });
  }

  @Test
  void clockSkewSimulator_drawsOffsetsBothWays_withinTheBound_andRedraws() {
    ClockSkewSimulator skew = new ClockSkewSimulator(5 * S, 30 * S);
    List<NodeId> nodes = List.of(NodeId.of("a"), NodeId.of("b"));
    List<ScheduledFault> entries = skew.schedule(nodes, 600 * S, new Xoshiro256(5));
    assertThat(entries).hasSize(2 * 20);
    long negatives = entries.stream()
        .mapToLong(e -> ((Fault.ClockOffset) e.fault()).offsetNanos())
        .peek(offset -> assertThat(offset).isBetween(-5 * S, 5 * S))
        .filter(offset -> offset < 0)
        .count();
    assertThat(negatives).isBetween(5L, 35L);
    assertThat(ClockSkewSimulator.none().schedule(nodes, 600 * S, new Xoshiro256(5))).isEmpty();
  }
}
