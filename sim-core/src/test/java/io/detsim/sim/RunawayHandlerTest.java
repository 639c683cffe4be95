package io.detsim.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.detsim.sim.port.Clock;
import io.detsim.sim.port.Node;
import io.detsim.sim.port.NodeContext;
import io.detsim.sim.port.NodeId;
import org.junit.jupiter.api.Test;

/**
 * A handler that never returns is stopped at the call that goes over its budget, naming the node,
 * with the loop in the exception's stack trace, and at the same point on every run. A handler that
 * recurses without end fails when the stack runs out, with the same verdict and digest whatever the
 * stack's size.
 */
class RunawayHandlerTest {
  private static final long MS = 1_000_000L;

  /** Waits for 10 ms of its clock to pass inside one handler: on virtual time they never pass. */
  static final class BusyWaiter implements Node {
    private final NodeContext ctx;

    BusyWaiter(NodeContext ctx) {
      this.ctx = ctx;
    }

    @Override
    public void onStart() {
      ctx.setTimer(5 * MS, this::spinUntilLater);
    }

    private void spinUntilLater() {
      Clock clock = ctx.clock();
      long deadline = clock.nowNanos() + 10 * MS;
      while (clock.nowNanos() < deadline) {
        Thread.onSpinWait();
      }
    }

    @Override
    public void onMessage(NodeId source, Object message) {}
  }

  /** Counts to a bound, a call per step: legitimate work, however long. */
  static final class Counter implements Node {
    private final NodeContext ctx;

    Counter(NodeContext ctx) {
      this.ctx = ctx;
    }

    @Override
    public void onStart() {
      for (int i = 0; i < 1_000; i++) {
        ctx.consumeCpu(1);
      }
    }

    @Override
    public void onMessage(NodeId source, Object message) {}
  }

  /** Recurses without end, tracing at every level, from a timer at 5 ms or from its start. */
  static final class Recurser implements Node {
    private final NodeContext ctx;
    private final boolean atStart;

    Recurser(NodeContext ctx, boolean atStart) {
      this.ctx = ctx;
      this.atStart = atStart;
    }

    @Override
    public void onStart() {
      if (atStart) {
        descend(0);
      } else {
        ctx.setTimer(5 * MS, () -> descend(0));
      }
    }

    private void descend(int depth) {
      ctx.trace("level", Integer.toString(depth));
      descend(depth + 1);
    }

    @Override
    public void onMessage(NodeId source, Object message) {}
  }

  /** What a run of a {@link Recurser} ends with, on a thread with a stack of {@code stackBytes}. */
  private record Overflow(RuntimeException thrown, long digest, long nowNanos) {}

  private static Overflow overflowOnAStackOf(long stackBytes, boolean atStart) throws InterruptedException {
    Overflow[] result = new Overflow[1];
    Thread thread = new Thread(null, () -> {
      Simulation sim = new Simulation(7, SimOptions.none());
      sim.addNode("other", ctx -> (source, message) -> {});
      sim.addNode("recurser", ctx -> new Recurser(ctx, atStart));
      RuntimeException thrown = null;
      try {
        sim.start();
        sim.runFor(1_000 * MS);
      } catch (RuntimeException e) {
        thrown = e;
      }
      result[0] = new Overflow(thrown, sim.digest(), sim.nowNanos());
    }, "stack-" + stackBytes, stackBytes);
    thread.start();
    thread.join();
    return result[0];
  }

  @Test
  void aHandlerRecursingWithoutEnd_failsAsRunaway_withTheSameDigestWhateverTheStackSize() throws InterruptedException {
    for (boolean atStart : new boolean[] {false, true}) {
      Overflow small = overflowOnAStackOf(256 * 1024, atStart);
      Overflow large = overflowOnAStackOf(16 * 1024 * 1024, atStart);

      String at = atStart ? "at 0s" : "at 5ms";
      assertThat(small.thrown()).isInstanceOfSatisfying(RunawayHandlerException.class, runaway -> {
        assertThat(runaway.node()).isEqualTo(NodeId.of("recurser"));
        assertThat(runaway.getMessage()).contains("recurser's handler overflowed the stack " + at);
        assertThat(runaway.getCause()).isInstanceOf(StackOverflowError.class);
      });
      assertThat(large.thrown()).hasMessage(small.thrown().getMessage());
      assertThat(large.nowNanos()).isEqualTo(small.nowNanos()).isEqualTo(atStart ? 0 : 5 * MS);
      assertThat(large.digest())
          .as("the levels traced before the stack ran out (far more on the larger stack) are taken back")
          .isEqualTo(small.digest());
    }
  }

  @Test
  void aHandlerWaitingForVirtualTime_failsAtItsLimit_namingTheNodeAndTheLoop() {
    Simulation sim = new Simulation(7, SimOptions.none());
    sim.limitCallsPerHandler(100_000);
    NodeId waiter = sim.addNode("waiter", BusyWaiter::new);
    sim.start();

    assertThatThrownBy(() -> sim.runFor(1_000 * MS))
        .isInstanceOfSatisfying(RunawayHandlerException.class, runaway -> {
          assertThat(runaway.node()).isEqualTo(waiter);
          assertThat(runaway.getMessage()).contains("runaway handler: waiter made 100,001 calls", "at 5ms");
          assertThat(runaway.getStackTrace()).anySatisfy(frame -> assertThat(frame.getMethodName()).isEqualTo("spinUntilLater"));
        });
    assertThat(sim.nowNanos()).as("the run stopped in the handler's instant").isEqualTo(5 * MS);
  }

  @Test
  void theDefaultLimit_stopsTheSameLoop() {
    Simulation sim = new Simulation(7, SimOptions.none());
    sim.addNode("waiter", BusyWaiter::new);
    sim.start();

    assertThatThrownBy(() -> sim.runFor(1_000 * MS)).isInstanceOf(RunawayHandlerException.class)
        .hasMessageContaining("10,000,001 calls");
  }

  @Test
  void aHandlerUnderItsLimit_runsToTheEnd_andEachHandlerStartsAfresh() {
    Simulation sim = new Simulation(7, SimOptions.none());
    sim.limitCallsPerHandler(1_000);
    sim.addNode("a", Counter::new);
    sim.addNode("b", Counter::new);
    sim.start();

    sim.runFor(10 * MS);

    assertThat(sim.isUp(NodeId.of("a"))).isTrue();
    assertThat(sim.isUp(NodeId.of("b"))).isTrue();
  }

  @Test
  void theHarnessReadingAClock_betweenHandlers_isNeverCharged() {
    Simulation sim = new Simulation(7, SimOptions.none());
    sim.limitCallsPerHandler(1);
    NodeId idle = sim.addNode("idle", ctx -> (source, message) -> {});
    sim.start();

    for (int i = 0; i < 10; i++) {
      sim.clock(idle).nowNanos();
    }
    sim.runFor(MS);
    assertThat(sim.isUp(idle)).isTrue();
  }
}
