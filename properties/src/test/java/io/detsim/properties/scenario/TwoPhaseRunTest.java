package io.detsim.properties.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import io.detsim.sim.RunawayHandlerException;
import io.detsim.sim.SimOptions;
import io.detsim.sim.Simulation;
import io.detsim.sim.fault.Fault;
import io.detsim.sim.fault.FaultSchedule;
import io.detsim.sim.fault.ScheduledFault;
import io.detsim.sim.port.Clock;
import io.detsim.sim.port.Node;
import io.detsim.sim.port.NodeContext;
import io.detsim.sim.port.NodeId;
import java.util.List;
import org.junit.jupiter.api.Test;

class TwoPhaseRunTest {
  private static final long MS = 1_000_000L;

  /** A lease holder that waits out its lease by watching its clock, inside one handler. */
  static final class ClockWatcher implements Node {
    private final NodeContext ctx;

    ClockWatcher(NodeContext ctx) {
      this.ctx = ctx;
    }

    @Override
    public void onStart() {
      ctx.setTimer(3 * MS, this::waitOutTheLease);
    }

    private void waitOutTheLease() {
      Clock clock = ctx.clock();
      long expiry = clock.nowNanos() + 50 * MS;
      while (clock.nowNanos() < expiry) {
        Thread.onSpinWait();
      }
    }

    @Override
    public void onMessage(NodeId source, Object message) {}
  }

  @Test
  void aHandlerThatNeverReturns_isARunawayHandlerFailure_withTheLoopInItsCause_onEveryRun() {
    ScenarioRun first = runawayRun();
    ScenarioRun second = runawayRun();

    ScenarioRun.Failure failure = first.failure().orElseThrow();
    assertThat(failure.kind()).isEqualTo("RUNAWAY_HANDLER");
    assertThat(failure.atNanos()).isEqualTo(3 * MS);
    assertThat(failure.message()).contains("runaway handler: lease-holder made 10,001 calls");
    assertThat(failure.cause()).get().isInstanceOf(RunawayHandlerException.class);
    assertThat(failure.cause().orElseThrow().getStackTrace())
        .anySatisfy(frame -> assertThat(frame.getMethodName()).isEqualTo("waitOutTheLease"));
    assertThat(second.digest()).as("deterministic: the same failure at the same call").isEqualTo(first.digest());
    assertThat(second.failure().orElseThrow().message()).isEqualTo(failure.message());
  }

  /** A node that flushes once, 20 ms in, and announces it as a transition point. */
  static final class FlushesOnce implements Node {
    private final NodeContext ctx;

    FlushesOnce(NodeContext ctx) {
      this.ctx = ctx;
    }

    @Override
    public void onStart() {
      ctx.setTimer(20 * MS, () -> ctx.point("flush"));
    }

    @Override
    public void onMessage(NodeId source, Object message) {}
  }

  @Test
  void everyRunIsLabelledWithItsFaultKinds_thePointsItsNodesAnnounced_andTheDeclaredPointsItNeverReached() {
    Simulation sim = new Simulation(3, SimOptions.none());
    NodeId flusher = sim.addNode("flusher", FlushesOnce::new);
    FaultSchedule schedule = FaultSchedule.of(List.of(new ScheduledFault(25 * MS, new Fault.Crash(flusher)),
        new ScheduledFault(60 * MS, new Fault.Restart(flusher))));

    ScenarioRun run = TwoPhaseRun.on(sim, RunSettings.plain())
        .faults(schedule, 100 * MS)
        .points(List.of("flush", "compact"))
        .labels(() -> List.of("system:own-label"))
        .run();

    assertThat(run.failure()).isEmpty();
    assertThat(run.labels()).containsExactly("fault:CRASH", "point:compact:never", "point:flush",
        "point:flush:under:CRASH", "system:own-label");
  }

  private static ScenarioRun runawayRun() {
    Simulation sim = new Simulation(11, SimOptions.none());
    sim.limitCallsPerHandler(10_000);
    sim.addNode("lease-holder", ClockWatcher::new);
    return TwoPhaseRun.on(sim, RunSettings.plain()).faults(FaultSchedule.of(List.of()), 100 * MS).run();
  }
}
