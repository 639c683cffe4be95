package io.detsim.sim;

import static org.assertj.core.api.Assertions.assertThat;

import io.detsim.sim.fault.Fault;
import io.detsim.sim.net.NetworkOptions;
import io.detsim.sim.net.NetworkStats;
import io.detsim.sim.port.NodeId;
import io.detsim.sim.port.Ratio;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

class NetworkTest {
  private static final long MS = 1_000_000L;

  private Simulation sim;
  private NodeId a;
  private NodeId b;
  private NodeId c;

  private void world(NetworkOptions network) {
    sim = new Simulation(11, SimOptions.none().withNetwork(network));
    a = Probe.add(sim, "a");
    b = Probe.add(sim, "b");
    c = Probe.add(sim, "c");
    sim.start();
  }

  private void sendMany(int count, NodeId from, NodeId to) {
    for (int i = 0; i < count; i++) {
      Probe.sendAt(sim, i * MS, from, to, i);
    }
  }

  @Test
  void onSend_seesEveryMessageAsItIsSent_evenOnesTheNetworkThenLoses() {
    sim = new Simulation(11, SimOptions.none().withNetwork(NetworkOptions.none().withLoss(Ratio.ALWAYS)));
    a = Probe.add(sim, "a");
    b = Probe.add(sim, "b");
    List<String> seen = new ArrayList<>();
    sim.onSend((source, target, message) -> seen.add(sim.nowNanos() / MS + "ms " + source + ">" + target + " " + message));
    sim.start();
    Probe.sendAt(sim, 1 * MS, a, b, "first");
    Probe.sendAt(sim, 2 * MS, b, a, "second");
    sim.runFor(10 * MS);

    assertThat(Probe.of(sim, b).received).as("every message lost").isEmpty();
    assertThat(seen).containsExactly("1ms a>b first", "2ms b>a second");
  }

  @Test
  void latency_staysWithinItsBounds() {
    world(NetworkOptions.none().withLatency(2 * MS, 4 * MS));
    sendMany(200, a, b);
    sim.runFor(1_000 * MS);
    Probe probe = Probe.of(sim, b);
    assertThat(probe.received).hasSize(200);
    for (Probe.Received r : probe.received) {
      long sentAt = (Integer) r.message() * MS;
      assertThat(r.atNanos() - sentAt).isBetween(2 * MS, 4 * MS);
    }
  }

  @Test
  void tail_makesSomeMessagesSlowerThanTheMax_butNotBeyondTheTail() {
    world(NetworkOptions.none().withLatency(1 * MS, 2 * MS).withTail(Ratio.of(1, 10), 50 * MS));
    sendMany(1_000, a, b);
    sim.runFor(2_000 * MS);
    long slow = Probe.of(sim, b).received.stream()
        .mapToLong(r -> r.atNanos() - (Integer) r.message() * MS)
        .peek(latency -> assertThat(latency).isLessThanOrEqualTo(50 * MS))
        .filter(latency -> latency > 2 * MS)
        .count();
    assertThat(slow).isBetween(50L, 150L);
  }

  @Test
  void loss_dropsAboutTheConfiguredShare_andCountsIt() {
    world(NetworkOptions.none().withLoss(Ratio.of(1, 10)));
    sendMany(2_000, a, b);
    sim.runFor(3_000 * MS);
    NetworkStats stats = sim.networkStats();
    assertThat(stats.sent()).isEqualTo(2_000);
    assertThat(stats.lost()).isBetween(150L, 250L);
    assertThat(stats.delivered()).isEqualTo(stats.sent() - stats.lost());
    assertThat(stats.effectiveDropRate()).isBetween(0.075, 0.125);
    assertThat(sim.network().packetLoss().effectiveRate()).isEqualTo((double) stats.lost() / stats.sent());
  }

  @Test
  void duplicate_deliversSomeMessagesTwice() {
    world(NetworkOptions.none().withDuplicate(Ratio.of(1, 5)));
    sendMany(500, a, b);
    sim.runFor(1_000 * MS);
    NetworkStats stats = sim.networkStats();
    assertThat(stats.duplicated()).isBetween(70L, 130L);
    assertThat(Probe.of(sim, b).received).hasSize((int) (500 + stats.duplicated()));
    assertThat(stats.delivered()).isEqualTo(stats.sent() + stats.duplicated());
  }

  @Test
  void reorder_deliversSomeMessagesBehindLaterOnes() {
    world(NetworkOptions.none().withLatency(1 * MS, 1 * MS));
    sendMany(200, a, b);
    sim.runFor(500 * MS);
    assertThat(isSorted(Probe.of(sim, b).messages())).as("fixed latency keeps order").isTrue();

    world(NetworkOptions.none().withLatency(1 * MS, 1 * MS).withReorder(Ratio.of(1, 5)));
    sendMany(200, a, b);
    sim.runFor(500 * MS);
    assertThat(isSorted(Probe.of(sim, b).messages())).isFalse();
    assertThat(sim.networkStats().reordered()).isPositive();
  }

  @Test
  void delay_addsItsExtraLatency() {
    world(NetworkOptions.none().withLatency(1 * MS, 1 * MS));
    sim.apply(new Fault.Delay(10 * MS, 20 * MS));
    sendMany(100, a, b);
    sim.runFor(500 * MS);
    for (Probe.Received r : Probe.of(sim, b).received) {
      assertThat(r.atNanos() - (Integer) r.message() * MS).isBetween(11 * MS, 21 * MS);
    }
  }

  @Test
  void partition_dropsBothWays_andHealRestores() {
    world(NetworkOptions.none());
    sim.apply(partition(a, b, false));
    Probe.sendAt(sim, 0, a, b, "lost a->b");
    Probe.sendAt(sim, 0, b, a, "lost b->a");
    Probe.sendAt(sim, 0, a, c, "a->c passes");
    sim.runFor(10 * MS);
    sim.apply(new Fault.Heal());
    Probe.sendAt(sim, sim.nowNanos(), a, b, "after heal");
    sim.runFor(10 * MS);
    assertThat(Probe.of(sim, b).messages()).containsExactly("after heal");
    assertThat(Probe.of(sim, a).messages()).isEmpty();
    assertThat(Probe.of(sim, c).messages()).containsExactly("a->c passes");
    assertThat(sim.networkStats().partitioned()).isEqualTo(2);
  }

  @Test
  void oneWayPartition_dropsOnlyItsDirection() {
    world(NetworkOptions.none());
    sim.apply(partition(a, b, true));
    Probe.sendAt(sim, 0, a, b, "blocked");
    Probe.sendAt(sim, 0, b, a, "passes");
    sim.runFor(10 * MS);
    assertThat(Probe.of(sim, b).messages()).isEmpty();
    assertThat(Probe.of(sim, a).messages()).containsExactly("passes");
  }

  @Test
  void partition_dropsInFlightMessages() {
    world(NetworkOptions.none().withLatency(5 * MS, 5 * MS));
    Probe.sendAt(sim, 0, a, b, "in flight");
    sim.at(2 * MS, () -> sim.apply(partition(a, b, false)));
    sim.runFor(20 * MS);
    assertThat(Probe.of(sim, b).messages()).isEmpty();
  }

  @Test
  void clog_holdsMessagesUntilItEnds_thenDeliversThem() {
    world(NetworkOptions.none().withLatency(1 * MS, 1 * MS));
    sim.apply(new Fault.Clog(a, b, 50 * MS));
    Probe.sendAt(sim, 0, a, b, "held");
    Probe.sendAt(sim, 0, b, a, "other direction passes");
    sim.runFor(40 * MS);
    assertThat(Probe.of(sim, b).messages()).isEmpty();
    assertThat(Probe.of(sim, a).messages()).containsExactly("other direction passes");
    sim.runFor(20 * MS);
    assertThat(Probe.of(sim, b).received).singleElement()
        .satisfies(r -> assertThat(r.atNanos()).isBetween(50 * MS, 52 * MS));
    assertThat(sim.networkStats().held()).isEqualTo(1);
  }

  @Test
  void unclog_releasesHeldMessagesAtOnce() {
    world(NetworkOptions.none().withLatency(1 * MS, 1 * MS));
    sim.apply(new Fault.Clog(a, b, 10_000 * MS));
    Probe.sendAt(sim, 0, a, b, "held");
    sim.runFor(20 * MS);
    sim.apply(new Fault.Unclog(a, b));
    sim.runFor(5 * MS);
    assertThat(Probe.of(sim, b).messages()).containsExactly("held");
  }

  @Test
  void crashedNode_receivesNothing_andMessagesInFlightAreLost_evenAfterRestart() {
    world(NetworkOptions.none().withLatency(5 * MS, 5 * MS));
    Probe.sendAt(sim, 0, a, b, "in flight at crash");
    sim.at(1 * MS, () -> sim.apply(new Fault.Crash(b)));
    Probe.sendAt(sim, 2 * MS, a, b, "sent while down");
    sim.at(3 * MS, () -> sim.apply(new Fault.Restart(b)));
    Probe.sendAt(sim, 20 * MS, a, b, "after restart");
    sim.runFor(50 * MS);
    assertThat(Probe.of(sim, b).messages()).containsExactly("after restart");
    assertThat(sim.networkStats().targetDown()).isEqualTo(2);
  }

  @Test
  void healAll_clearsEveryNetworkFault() {
    world(NetworkOptions.none().withLatency(1 * MS, 1 * MS).withLoss(Ratio.ALWAYS));
    sim.apply(partition(a, b, false));
    sim.apply(new Fault.Clog(a, c, 1_000_000 * MS));
    sim.apply(new Fault.Delay(100 * MS, 100 * MS));
    sim.apply(new Fault.HealAll());
    Probe.sendAt(sim, sim.nowNanos(), a, b, "b");
    Probe.sendAt(sim, sim.nowNanos(), a, c, "c");
    sim.runFor(5 * MS);
    assertThat(Probe.of(sim, b).messages()).containsExactly("b");
    assertThat(Probe.of(sim, c).messages()).containsExactly("c");
  }

  private static Fault.Partition partition(NodeId x, NodeId y, boolean oneWay) {
    return new Fault.Partition(new TreeSet<>(List.of(x)), new TreeSet<>(List.of(y)), oneWay);
  }

  private static boolean isSorted(List<Object> values) {
    List<Integer> numbers = new ArrayList<>();
    values.forEach(v -> numbers.add((Integer) v));
    for (int i = 1; i < numbers.size(); i++) {
      if (numbers.get(i) < numbers.get(i - 1)) {
        return false;
      }
    }
    return true;
  }
}
