package io.detsim.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.detsim.sim.fault.Fault;
import io.detsim.sim.net.NetworkOptions;
import io.detsim.sim.port.DiskFile;
import io.detsim.sim.port.NodeId;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class NodeLifecycleTest {
  private static final long MS = 1_000_000L;

  private final Simulation sim = new Simulation(3, SimOptions.none().withNetwork(
      NetworkOptions.none().withLatency(1 * MS, 1 * MS)));
  private final NodeId a = Probe.add(sim, "a");
  private final NodeId b = Probe.add(sim, "b");

  @Test
  void crash_dropsPendingTimers_andRestartBuildsAFreshNode() {
    sim.start();
    List<String> fired = new ArrayList<>();
    Probe first = Probe.of(sim, b);
    sim.at(0, () -> first.context.setTimer(10 * MS, () -> fired.add("old life")));
    sim.at(5 * MS, () -> sim.apply(new Fault.Crash(b)));
    sim.at(6 * MS, () -> sim.apply(new Fault.Restart(b)));
    sim.runFor(50 * MS);
    assertThat(fired).isEmpty();
    Probe second = Probe.of(sim, b);
    assertThat(second).isNotSameAs(first);
    assertThat(second.starts).isEqualTo(1);
    assertThat(sim.isUp(b)).isTrue();
  }

  @Test
  void aNamedStream_continuesWithinALife_andStartsAfreshInTheNext() {
    sim.start();
    // A draw per event, asking for the stream each time: a fresh stream per ask repeated its first
    // value, so every BUGGIFY slow sync of a server life had one and the same delay.
    long first = Probe.of(sim, b).context.random("delay").nextLong();
    long second = Probe.of(sim, b).context.random("delay").nextLong();
    assertThat(second).isNotEqualTo(first);
    sim.crash(b);
    sim.restart(b);
    long nextLife = Probe.of(sim, b).context.random("delay").nextLong();
    assertThat(nextLife).isNotEqualTo(first).isNotEqualTo(second);
    Simulation again = new Simulation(3, SimOptions.none());
    NodeId b2 = Probe.add(again, "b");
    again.start();
    assertThat(Probe.of(again, b2).context.random("delay").nextLong()).isEqualTo(first);
  }

  @Test
  void crashedNode_isDown_untilRestarted_andRestartOfALiveNodeDoesNothing() {
    sim.start();
    Probe live = Probe.of(sim, a);
    sim.restart(a);
    assertThat(Probe.of(sim, a)).isSameAs(live);
    sim.crash(a);
    assertThat(sim.isUp(a)).isFalse();
    assertThat(sim.node(a, Probe.class)).isNull();
  }

  @Test
  void restart_findsOnlyWhatTheDiskSynced() {
    sim.start();
    sim.at(0, () -> {
      DiskFile file = Probe.of(sim, b).context.disk().open("data");
      file.append("synced".getBytes(StandardCharsets.US_ASCII));
      file.sync(() -> file.append("unsynced".getBytes(StandardCharsets.US_ASCII)));
    });
    sim.runFor(100 * MS);
    sim.crash(b);
    sim.restart(b);
    DiskFile file = Probe.of(sim, b).context.disk().open("data");
    assertThat(new String(file.read(0, 100), StandardCharsets.US_ASCII)).startsWith("synced");
    assertThat(file.size()).isLessThan(("synced" + "unsynced").length());
  }

  @Test
  void pause_defersEverything_untilItEnds_inArrivalOrder() {
    sim.start();
    sim.apply(new Fault.Pause(b, 30 * MS));
    Probe.sendAt(sim, 0, a, b, "first");
    Probe.sendAt(sim, 1 * MS, a, b, "second");
    sim.at(0, () -> Probe.of(sim, b).context.setTimer(2 * MS, () -> Probe.of(sim, b).timersFired.add(sim.nowNanos())));
    sim.runFor(100 * MS);
    Probe probe = Probe.of(sim, b);
    assertThat(probe.messages()).containsExactly("first", "second");
    assertThat(probe.received.get(0).atNanos()).isEqualTo(30 * MS);
    assertThat(probe.timersFired).containsExactly(30 * MS);
  }

  @Test
  void consumeCpu_makesLaterWorkWait() {
    sim.start();
    Probe.sendAt(sim, 0, a, b, (Runnable) () -> Probe.of(sim, b).context.consumeCpu(10 * MS));
    Probe.sendAt(sim, 0, a, b, "queued behind the work");
    sim.runFor(50 * MS);
    Probe probe = Probe.of(sim, b);
    assertThat(probe.received).hasSize(2);
    assertThat(probe.received.get(1).atNanos()).isEqualTo(11 * MS);
  }

  @Test
  void cancelTimer_worksWhileTheTimerWaitsInABusyMailbox() {
    sim.start();
    List<String> fired = new ArrayList<>();
    long[] handle = new long[1];
    sim.at(0, () -> {
      Probe probe = Probe.of(sim, b);
      handle[0] = probe.context.setTimer(1 * MS, () -> fired.add("cancelled timer ran"));
      probe.context.consumeCpu(5 * MS);
    });
    sim.at(3 * MS, () -> assertThat(Probe.of(sim, b).context.cancelTimer(handle[0])).isTrue());
    sim.runFor(20 * MS);
    assertThat(fired).isEmpty();
  }

  @Test
  void actors_getLocalMessagesInOrder_evenWithShuffledTies_andDieWithTheirNode() {
    Simulation shuffled = new Simulation(9, SimOptions.none().withShuffleTies(true));
    NodeId node = Probe.add(shuffled, "node");
    shuffled.start();
    Probe parent = Probe.of(shuffled, node);
    NodeId child = parent.context.spawn("worker", context -> new Probe(context, shuffled));
    shuffled.at(0, () -> {
      for (int i = 0; i < 50; i++) {
        parent.context.send(child, i);
      }
    });
    shuffled.runFor(10 * MS);
    List<Object> expected = new ArrayList<>();
    for (int i = 0; i < 50; i++) {
      expected.add(i);
    }
    assertThat(Probe.of(shuffled, child).messages()).containsExactlyElementsOf(expected);
    shuffled.crash(node);
    assertThat(shuffled.isUp(child)).isFalse();
    shuffled.restart(node);
    assertThat(shuffled.isUp(child)).as("a restarted node spawns again what it needs").isFalse();
  }

  @Test
  void kill_endsOneActor_andItCanBeSpawnedAgain() {
    sim.start();
    Probe parent = Probe.of(sim, a);
    NodeId worker = parent.context.spawn("worker", context -> new Probe(context, sim));
    assertThatThrownBy(() -> parent.context.spawn("worker", context -> new Probe(context, sim)))
        .isInstanceOf(IllegalStateException.class);
    sim.apply(new Fault.Kill(worker));
    assertThat(sim.isUp(worker)).isFalse();
    assertThat(sim.isUp(a)).isTrue();
    parent.context.send(worker, "to the dead");
    sim.runFor(5 * MS);
    parent.context.spawn("worker", context -> new Probe(context, sim));
    assertThat(Probe.of(sim, worker).received).isEmpty();
  }

  @Test
  void unknownTarget_isABug_notALostMessage() {
    sim.start();
    assertThatThrownBy(() -> Probe.of(sim, a).context.send(NodeId.of("nobody"), "x"))
        .hasMessageContaining("nobody");
  }
}
