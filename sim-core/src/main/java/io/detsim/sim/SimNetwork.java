package io.detsim.sim;

import io.detsim.sim.fault.Fault;
import io.detsim.sim.net.DelayInjector;
import io.detsim.sim.net.NetworkOptions;
import io.detsim.sim.net.NetworkStats;
import io.detsim.sim.net.PacketLossSimulator;
import io.detsim.sim.port.Check;
import io.detsim.sim.port.NodeId;
import io.detsim.sim.port.RandomSource;
import io.detsim.sim.port.Ratio;
import io.detsim.sim.trace.Name;
import io.detsim.sim.trace.Trace;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The simulated network between processes: every message crosses it with a sampled one-way
 * latency, and may be lost, duplicated, reordered, delayed, cut off by a partition, or held on a
 * clogged link.
 *
 * <p>Fault model, in the order a message meets it (turmoil's single chain of rules: the first rule
 * that does not pass decides): at send, a partition between the two processes drops it, then loss
 * may drop it; otherwise it is scheduled after latency + extra delay (+ a reorder hold-back), and
 * perhaps a second time (duplicate). At delivery, a partition that started meanwhile drops it, a
 * clogged link holds it until the clog ends (FoundationDB's "blocked until time T"), and a target
 * that crashed since the send never sees it. Messages between a process and its own actors do not
 * cross the network and meet none of this.
 *
 * <p>Out of scope: bandwidth, message size, congestion. Decisions draw from one stream
 * ({@code "net"}), and a knob at zero draws nothing, so enabling a fault does not shift the draws of
 * a run without it until the fault is in force.
 */
final class SimNetwork implements EventTarget {
  private static final int DELIVER = 1;
  private static final int RELEASE_CLOG = 2;

  private static final Name SEND = new Name("send");
  private static final Name DELIVERED = new Name("deliver");
  private static final Name DROP = new Name("drop");
  private static final Name DUPLICATE = new Name("duplicate");
  private static final Name HOLD = new Name("hold");

  private final Scheduler scheduler;
  private final RandomSource random;
  private final Trace trace;
  private final List<Endpoint> endpoints = new ArrayList<>();
  private final List<Fault.Partition> partitions = new ArrayList<>();
  private final Map<String, Clog> clogs = new LinkedHashMap<>(); // by "source>target" process names
  private final PacketLossSimulator loss;
  private NetworkOptions options;
  private DelayInjector delay;

  private long sent;
  private long delivered;
  private long partitioned;
  private long targetDown;
  private long duplicated;
  private long reordered;
  private long held;

  public SimNetwork(Scheduler scheduler, RandomSource random, Trace trace, NetworkOptions options) {
    this.scheduler = scheduler;
    this.random = random;
    this.trace = trace;
    this.options = options;
    this.loss = new PacketLossSimulator(options.loss());
    this.delay = new DelayInjector(options.delayMinNanos(), options.delayMaxNanos());
  }

  /** Registers an endpoint; its {@link Endpoint#index()} must be the next free index. */
  public void register(Endpoint endpoint) {
    Check.argument(endpoint.index() == endpoints.size(), "endpoint %s has index %d, expected %d",
        endpoint.id(), endpoint.index(), endpoints.size());
    Check.argument(endpoints.size() < 0xffff, "more than 65535 endpoints");
    endpoints.add(endpoint);
  }

  public NetworkOptions options() {
    return options;
  }

  /** Sends {@code message} across the network to the current life of {@code target}. */
  public void transmit(Endpoint source, Endpoint target, Object message) {
    sent++;
    String detail = Trace.describe(message);
    trace.record(scheduler.nowNanos(), source.name(), SEND, target.name(), detail);
    if (isBlocked(source.id(), target.id())) {
      partitioned++;
      trace.record(scheduler.nowNanos(), source.name(), DROP, target.name(), "partition");
      return;
    }
    if (loss.shouldDrop(random)) {
      trace.record(scheduler.nowNanos(), source.name(), DROP, target.name(), "loss");
      return;
    }
    long arg = pack(source.index(), target.index(), target.incarnation());
    scheduler.scheduleAfter(sampleLatencyNanos(), this, DELIVER, arg, message);
    if (!options.duplicate().isNever() && random.chance(options.duplicate())) {
      duplicated++;
      trace.record(scheduler.nowNanos(), source.name(), DUPLICATE, target.name(), detail);
      scheduler.scheduleAfter(sampleLatencyNanos(), this, DELIVER, arg, message);
    }
  }

  @Override
  public void dispatch(int kind, long arg, Object payload) {
    if (kind == DELIVER) {
      deliver(arg, payload);
    } else if (kind == RELEASE_CLOG) {
      releaseClogIfDue((String) payload);
    } else {
      throw new AssertionError("unknown network event kind " + kind);
    }
  }

  private void deliver(long arg, Object message) {
    Endpoint source = endpoints.get(sourceOf(arg));
    Endpoint target = endpoints.get(targetOf(arg));
    long now = scheduler.nowNanos();
    if (isBlocked(source.id(), target.id())) {
      partitioned++;
      trace.record(now, target.name(), DROP, source.name(), "partition");
      return;
    }
    Clog clog = clogs.isEmpty() ? null : clogs.get(linkKey(source.id(), target.id()));
    if (clog != null && clog.untilNanos > now) {
      held++;
      clog.held.add(arg);
      clog.held.add(message);
      trace.record(now, target.name(), HOLD, source.name(), Trace.describe(message));
      return;
    }
    if (!target.accepts(incarnationOf(arg))) {
      targetDown++;
      trace.record(now, target.name(), DROP, source.name(), "target-down");
      return;
    }
    delivered++;
    trace.record(now, target.name(), DELIVERED, source.name(), Trace.describe(message));
    target.receive(source, message);
  }

  // ---- faults: each has its inverse ----

  public void partition(Fault.Partition partition) {
    partitions.add(partition);
  }

  /** Removes every partition. Messages already dropped stay dropped. */
  public void heal() {
    partitions.clear();
  }

  /** Holds messages from source to target (processes, actors included) until {@code untilNanos}. */
  public void clog(NodeId source, NodeId target, long untilNanos) {
    String key = linkKey(source, target);
    Clog clog = clogs.computeIfAbsent(key, k -> new Clog());
    clog.untilNanos = Math.max(clog.untilNanos, untilNanos);
    scheduler.schedule(clog.untilNanos, this, RELEASE_CLOG, 0, key);
  }

  /** Releases a clogged link now: held messages leave with a fresh latency. */
  public void unclog(NodeId source, NodeId target) {
    String key = linkKey(source, target);
    Clog clog = clogs.get(key);
    if (clog != null) {
      clog.untilNanos = scheduler.nowNanos();
      releaseClogIfDue(key);
    }
  }

  public void setDelay(long minNanos, long maxNanos) {
    delay = new DelayInjector(minNanos, maxNanos);
    options = options.withDelay(minNanos, maxNanos);
  }

  public void setLoss(Ratio ratio) {
    loss.setRate(ratio);
    options = options.withLoss(ratio);
  }

  public void setDuplicate(Ratio ratio) {
    options = options.withDuplicate(ratio);
  }

  public void setReorder(Ratio ratio) {
    options = options.withReorder(ratio);
  }

  /** Heals every network fault: partitions, clogs, loss, duplication, reordering, extra delay, the tail. */
  public void healAll() {
    heal();
    for (String key : new ArrayList<>(clogs.keySet())) {
      clogs.get(key).untilNanos = scheduler.nowNanos();
      releaseClogIfDue(key);
    }
    options = options.healed();
    loss.setRate(Ratio.NEVER);
    delay = DelayInjector.none();
  }

  public boolean isPartitioned() {
    return !partitions.isEmpty();
  }

  public NetworkStats stats() {
    return new NetworkStats(sent, delivered, loss.drops(), partitioned, targetDown, duplicated, reordered, held);
  }

  /** The loss decisions and their counts (the original design's statistics). */
  public PacketLossSimulator packetLoss() {
    return loss;
  }

  // ---- decisions ----

  private long sampleLatencyNanos() {
    long latency = options.tailRatio().isNever() || !random.chance(options.tailRatio())
        ? random.nextLong(options.latencyMinNanos(), options.latencyMaxNanos())
        : random.nextLong(options.latencyMaxNanos(), options.tailMaxNanos());
    latency += delay.sampleNanos(random);
    if (!options.reorder().isNever() && random.chance(options.reorder())) {
      reordered++;
      latency += random.nextLong(0, options.reorderMaxNanos());
    }
    return latency;
  }

  private boolean isBlocked(NodeId source, NodeId target) {
    if (partitions.isEmpty()) {
      return false;
    }
    NodeId from = source.process();
    NodeId to = target.process();
    for (int i = 0; i < partitions.size(); i++) {
      Fault.Partition p = partitions.get(i);
      if (p.side().contains(from) && p.otherSide().contains(to)) {
        return true;
      }
      if (!p.oneWay() && p.otherSide().contains(from) && p.side().contains(to)) {
        return true;
      }
    }
    return false;
  }

  private void releaseClogIfDue(String key) {
    Clog clog = clogs.get(key);
    if (clog == null || clog.untilNanos > scheduler.nowNanos()) {
      return; // re-clogged for longer: a later release event will come
    }
    clogs.remove(key);
    while (!clog.held.isEmpty()) {
      long arg = (Long) clog.held.poll();
      Object message = clog.held.poll();
      scheduler.scheduleAfter(sampleLatencyNanos(), this, DELIVER, arg, message);
    }
  }


  private static long pack(int source, int target, int incarnation) {
    return ((long) source << 48) | ((long) target << 32) | (incarnation & 0xffffffffL);
  }

  private static int sourceOf(long arg) {
    return (int) (arg >>> 48);
  }

  private static int targetOf(long arg) {
    return (int) ((arg >>> 32) & 0xffff);
  }

  private static int incarnationOf(long arg) {
    return (int) arg;
  }

  private static String linkKey(NodeId source, NodeId target) {
    return source.process().name() + ">" + target.process().name();
  }

  /** A clogged link: when it opens, and the messages it holds (arg, message, arg, message, ...). */
  private static final class Clog {
    long untilNanos;
    final ArrayDeque<Object> held = new ArrayDeque<>();
  }
}
