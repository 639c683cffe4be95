package io.detsim.sim;

import io.detsim.sim.disk.Corruption;
import io.detsim.sim.disk.DiskStats;
import io.detsim.sim.disk.SimDisk;
import io.detsim.sim.fault.Fault;
import io.detsim.sim.fault.FaultSchedule;
import io.detsim.sim.fault.ScheduledFault;
import io.detsim.sim.net.NetworkStats;
import io.detsim.sim.port.Check;
import io.detsim.sim.port.Clock;
import io.detsim.sim.port.Disk;
import io.detsim.sim.port.Node;
import io.detsim.sim.port.NodeFactory;
import io.detsim.sim.port.NodeId;
import io.detsim.sim.port.RandomSource;
import io.detsim.sim.random.RandomStreams;
import io.detsim.sim.trace.Name;
import io.detsim.sim.trace.Trace;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.function.BiConsumer;
import java.util.function.IntConsumer;

/**
 * One simulated world: nodes on a single-threaded scheduler with virtual time, a network, and per
 * node a clock and a disk; all randomness from one seed. The entry point of sim-core.
 *
 * <pre>{@code
 * Simulation sim = new Simulation(0x5eedL, SimOptions.none());
 * NodeId server = sim.addNode("server", EchoServer::new);
 * sim.addNode("client", ctx -> new Client(ctx, server));
 * sim.schedule(FaultSchedule.parse("1s crash server\n2s restart server"));
 * sim.runFor(10_000_000_000L);
 * long digest = sim.digest();  // the same for the same seed, schedule and code
 * }</pre>
 *
 * <p>Not thread-safe, and needs not be: a simulation runs on the thread that drives it. It holds no
 * static state, so simulations on different threads run side by side.
 */
public final class Simulation {
  private static final Name FAULT = new Name("fault");
  private static final Name CRASH = new Name("crash");
  private static final Name KILL = new Name("kill");
  private static final Name SEND_LOCAL = new Name("send");
  private static final Name SIM = new Name("sim");
  private static final Name CORRUPT = new Name("corrupt");
  private static final Name BUGGIFY = new Name("buggify");

  private final long seed;
  private final SimOptions options;
  private final RandomStreams streams;
  private final Scheduler scheduler;
  private final Trace trace = new Trace();
  private final SimNetwork network;
  private final Buggify buggify;
  private final RandomSource faultRandom;
  private final Map<String, RandomSource> driverStreams = new LinkedHashMap<>();
  private final Map<NodeId, Actor> actors = new LinkedHashMap<>();
  private final List<Actor> nodes = new ArrayList<>();
  private final Map<NodeId, SimClock> clocks = new LinkedHashMap<>();
  private final Map<NodeId, SimDisk> disks = new LinkedHashMap<>();
  private final FaultApplier faults = new FaultApplier(this);
  private final TransitionPoints points = new TransitionPoints();
  private final List<ScheduledFault> aimedNeverFired = new ArrayList<>();
  private boolean aimingOver;
  private final EventTarget driver = this::dispatchDriverEvent;
  private IntConsumer burstListener;
  private BiConsumer<NodeId, String> pointListener = (node, point) -> {};
  private SendListener sendListener;
  private HandlerMeter meter;
  private final HandlerBudget handlerBudget = new HandlerBudget(this::nowNanos);
  private boolean started;

  public Simulation(long seed, SimOptions options) {
    this.seed = seed;
    this.options = options;
    this.streams = new RandomStreams(seed);
    this.scheduler = new Scheduler(options.shuffleTies() ? streams.stream("scheduler/ties") : null);
    this.network = new SimNetwork(scheduler, streams.stream("net"), trace, options.network());
    this.buggify = new Buggify(options.buggify(), streams);
    this.faultRandom = streams.stream("faults");
  }

  /** Measures every node handler from now on ({@link HandlerMeter}); null stops measuring. */
  public void meterHandlers(HandlerMeter meter) {
    this.meter = meter;
  }

  HandlerMeter meter() {
    return meter;
  }

  /**
   * Fails a handler that makes more than {@code calls} calls to its context and clock without
   * returning ({@link RunawayHandlerException}, thrown at the call that goes over); ten million
   * unless set. A loop that never calls its node's ports is not caught here: it hangs the run.
   */
  public void limitCallsPerHandler(long calls) {
    handlerBudget.limit(calls);
  }

  HandlerBudget handlerBudget() {
    return handlerBudget;
  }

  public long seed() {
    return seed;
  }

  public SimOptions options() {
    return options;
  }

  // ---- building the world ----

  /** Adds a node (a process) with its own clock and disk; it starts with {@link #start()}, or at once if started. */
  public NodeId addNode(String name, NodeFactory factory) {
    NodeId id = NodeId.of(name);
    Check.argument(!id.isActor(), "a node name has no '/': %s (actors are spawned by their node)", name);
    Check.argument(!actors.containsKey(id), "node %s exists already", id);
    Actor actor = register(id, null, factory);
    nodes.add(actor);
    clocks.put(id, new SimClock(() -> { // a node reading its clock is a call its handler makes
      handlerBudget.charge();
      return scheduler.nowNanos();
    }));
    disks.put(id, new SimDisk(options.disk(), streams.stream("disk/" + name)));
    if (started) {
      startNode(actor);
    }
    return id;
  }

  /** Starts every node, in the order added. */
  public void start() {
    Check.state(!started, "already started");
    started = true;
    for (Actor node : new ArrayList<>(nodes)) {
      startNode(node);
    }
  }

  /**
   * Calls {@code listener} with the node and the name of every transition point announced, in the
   * announcing handler, before it goes on: for checks of what the node's state is at that instant,
   * such as what its disk would hold if it crashed there ({@link #durableImage}). The listener must
   * only read: anything it changes, sends or draws would change the run.
   */
  public void onPoint(BiConsumer<NodeId, String> listener) {
    this.pointListener = Objects.requireNonNull(listener, "listener");
  }

  /**
   * Calls {@code listener} with every message a node sends, to a node of another process or its own,
   * in the sending handler, before partitions, loss or delay act on it. The listener must only read.
   */
  public void onSend(SendListener listener) {
    this.sendListener = Objects.requireNonNull(listener, "listener");
  }

  /** Calls {@code listener} with the size of every {@link Fault.Burst}: the workload makes the load. */
  public void onBurst(IntConsumer listener) {
    this.burstListener = listener;
  }

  // ---- running ----

  public long nowNanos() {
    return scheduler.nowNanos();
  }

  /** Runs {@code durationNanos} of virtual time (or until {@link #stop()}). */
  public void runFor(long durationNanos) {
    Check.argument(durationNanos >= 0, "negative duration: %d", durationNanos);
    startIfNeeded();
    long until = nowNanos() + durationNanos;
    scheduler.runUntil(until < nowNanos() ? Long.MAX_VALUE : until);
  }

  /** Runs until nothing is pending or virtual time would pass {@code limitNanos}; true when quiescent. */
  public boolean runUntilQuiescent(long limitNanos) {
    startIfNeeded();
    return scheduler.runUntilQuiescent(limitNanos);
  }

  /** Dispatches one event; false when nothing is pending. */
  public boolean step() {
    startIfNeeded();
    return scheduler.step();
  }

  /** Ends the current run call after the event being dispatched. */
  public void stop() {
    scheduler.requestStop();
  }

  public boolean isStopped() {
    return scheduler.isStopRequested();
  }

  /** Runs {@code action} at virtual time {@code atNanos}, as the test driver (no node's handler). */
  public void at(long atNanos, Runnable action) {
    scheduler.schedule(atNanos, driver, DriverEvent.RUN, 0, action);
  }

  // ---- faults ----

  /** Schedules every entry of a fault schedule. */
  public void schedule(FaultSchedule schedule) {
    schedule(schedule.entries());
  }

  /**
   * Schedules entries at absolute times now, and arms aimed entries: each is scheduled when its
   * anchor's point is announced for the anchor's occurrence, at that instant plus its offset. An
   * aimed fault not yet applied at {@code heal-all} is dropped ({@link #aimedFaultsNeverFired}).
   */
  public void schedule(List<ScheduledFault> entries) {
    for (ScheduledFault entry : entries) {
      if (entry.isAimed()) {
        if (aimingOver) {
          aimedNeverFired.add(entry);
        } else {
          points.arm(entry);
        }
      } else {
        scheduler.schedule(Math.max(entry.atNanos(), nowNanos()), driver, DriverEvent.FAULT, 0, entry.fault());
      }
    }
  }

  /**
   * Applies a fault now. Every fault goes through here, scheduled or not, so each is traced as one
   * (the verbs below are this with their fault).
   */
  public void apply(Fault fault) {
    trace.record(nowNanos(), SIM, FAULT, null, FaultSchedule.describe(fault));
    points.faultApplied(fault, nowNanos());
    faults.apply(fault);
  }

  /** A node announced a transition point: count it, schedule the faults aimed at it, tell the listener. */
  void announce(NodeId node, String point) {
    pointListener.accept(node, point);
    points.announce(point, nowNanos(), (atNanos, entry) ->
        scheduler.schedule(atNanos, driver, DriverEvent.AIMED_FAULT, 0, entry));
  }

  /** How often each transition point was announced in this run, by point name. */
  public SortedMap<String, Long> pointsReached() {
    return points.counts();
  }

  /**
   * For each point, the fault kinds (names of {@link io.detsim.sim.fault.FaultKind}) applied at one
   * of its announcements or within 10 ms after it: the transitions this run hit with faults.
   */
  public SortedMap<String, SortedSet<String>> pointsUnderFaults() {
    return points.underFaults();
  }

  /** Aimed faults dropped at {@code heal-all}: their point's occurrence was not reached in time. */
  public List<ScheduledFault> aimedFaultsNeverFired() {
    return List.copyOf(aimedNeverFired);
  }

  public void crash(NodeId node) {
    Actor process = process(node);
    if (!process.isAlive()) {
      return;
    }
    trace.record(nowNanos(), process.name(), CRASH, null, null);
    for (Actor child : process.children) {
      child.die();
    }
    process.die();
    disks.get(process.id()).crash();
  }

  /** Restarts a crashed node from its factory; it finds only its disk. Does nothing to a live node. */
  public void restart(NodeId node) {
    Actor process = process(node);
    if (!process.isAlive()) {
      startNode(process);
    }
  }

  /** A stop-the-world stall: the node and its actors handle nothing until it ends. */
  public void pause(NodeId node, long durationNanos) {
    process(node).pauseUntil(nowNanos() + durationNanos);
  }

  public void kill(NodeId actorId) {
    Actor actor = actor(actorId);
    Check.argument(actorId.isActor(), "kill takes an actor, not a node: %s (use crash)", actorId);
    if (actor.isAlive()) {
      trace.record(nowNanos(), actor.name(), KILL, null, null);
      actor.die();
    }
  }

  /** Cuts the network between two groups of nodes, both ways, until {@link #heal()}. */
  public void partition(Collection<NodeId> side, Collection<NodeId> otherSide) {
    apply(new Fault.Partition(new TreeSet<>(side), new TreeSet<>(otherSide), false));
  }

  /** Ends every partition. */
  public void heal() {
    apply(new Fault.Heal());
  }

  /** Holds every message from {@code source} to {@code target} for {@code durationNanos}, or until {@link #unclog}. */
  public void clog(NodeId source, NodeId target, long durationNanos) {
    apply(new Fault.Clog(source, target, durationNanos));
  }

  /** Releases a clogged link: what it held is delivered. */
  public void unclog(NodeId source, NodeId target) {
    apply(new Fault.Unclog(source, target));
  }

  /** Sets how far {@code node}'s clock is from true time; {@code 0} puts it back. */
  public void skewClock(NodeId node, long offsetNanos) {
    apply(new Fault.ClockOffset(node, offsetNanos));
  }

  /** Corrupts one stored record of {@code node}'s disk (a disk fault; the trace says where). */
  public void corruptStoredRecord(NodeId node) {
    apply(new Fault.CorruptDisk(node));
  }

  /**
   * Heals every fault (partitions, clogs, standing network faults, clock skew, pauses), restarts
   * every crashed node, and starts the quiet phase: BUGGIFY is off from here on.
   */
  public void healAll() {
    apply(new Fault.HealAll());
  }

  /** A disk fault: corrupts a stored record of the node's disk, and says where in the trace. */
  void corruptDisk(NodeId node, long lastBytes) {
    Actor process = process(node);
    String where = disks.get(process.id()).corrupt(faultRandom, lastBytes).map(Corruption::traceDetail)
        .orElse("nothing stored");
    trace.record(nowNanos(), process.name(), CORRUPT, null, where);
  }

  void burst(int size) {
    Check.state(burstListener != null, "a burst fault needs a workload: call onBurst first");
    burstListener.accept(size);
  }

  /**
   * Heals every fault and starts the quiet phase: BUGGIFY is switched off for the rest of the run
   * (FoundationDB does the same), so the fault points in the code stop firing from this instant, as
   * the scheduled faults do. The switch is traced, so a trace shows where the quiet phase began.
   */
  void healAllNow() {
    // Aiming ends with the faults: an aimed crash after heal-all would strike in the liveness phase.
    aimingOver = true;
    aimedNeverFired.addAll(points.disarm());
    if (buggify.switchOff()) {
      trace.record(nowNanos(), SIM, BUGGIFY, null, "off: heal-all starts the quiet phase");
    }
    network.healAll();
    for (SimClock clock : clocks.values()) {
      clock.reset();
    }
    for (Actor actor : actors.values()) {
      actor.unpause();
    }
    for (Actor node : nodes) {
      restart(node.id());
    }
  }

  // ---- inspecting ----

  public boolean isUp(NodeId id) {
    Actor actor = actors.get(id);
    return actor != null && actor.isAlive();
  }

  /** The live behaviour of a node or actor, for tests to inspect; null while it is down. */
  public <T extends Node> T node(NodeId id, Class<T> type) {
    return type.cast(actor(id).behaviour());
  }

  public List<NodeId> nodes() {
    List<NodeId> ids = new ArrayList<>(nodes.size());
    for (Actor node : nodes) {
      ids.add(node.id());
    }
    return ids;
  }

  SimNetwork network() {
    return network;
  }

  public NetworkStats networkStats() {
    return network.stats();
  }

  /** {@code node}'s clock as its handlers read it: skewed, stepped and drifting as the faults say. */
  public Clock clock(NodeId node) {
    return simClock(node);
  }

  SimClock simClock(NodeId node) {
    return clocks.get(process(node).id());
  }

  /**
   * What a crash of {@code node} now would leave on its disk, torn writes aside: a copy (see
   * {@link SimDisk#durableImage}), to run recovery on without crashing the node.
   */
  public Disk durableImage(NodeId node) {
    return disks.get(process(node).id()).durableImage();
  }

  /**
   * A number that changes whenever what a crash of {@code node} would leave on its disk may have
   * changed (a sync completed; a file created, deleted or renamed; a crash; a corruption), and only
   * then: a check that learned something from a {@link #durableImage} can keep it until this moves.
   */
  public long durableVersion(NodeId node) {
    return disks.get(process(node).id()).durableVersion();
  }

  /** {@code node}'s disk as its handlers see it (what survives a crash is what was synced). */
  public Disk disk(NodeId node) {
    return disks.get(process(node).id());
  }

  /** What {@code node}'s disk did so far: writes, syncs, torn and corrupted records. */
  public DiskStats diskStats(NodeId node) {
    return disks.get(process(node).id()).stats();
  }

  public Trace trace() {
    return trace;
  }

  /** The digest of every event traced so far: equal digests mean equal runs. */
  public long digest() {
    return trace.digest();
  }

  public long eventsDispatched() {
    return scheduler.dispatched();
  }

  /**
   * A driver-side random stream (workloads, test drivers): independent of the nodes' streams. Like a
   * node's ({@code NodeContext.random}) it is the run's for its whole life: asked for again, it goes
   * on where it was, so two calls never draw the same values.
   */
  public RandomSource random(String stream) {
    return driverStreams.computeIfAbsent(stream, name -> streams.stream("driver/" + name));
  }

  public Map<String, String> buggifyReport() {
    return buggify.report();
  }

  // ---- for the package ----

  Scheduler scheduler() {
    return scheduler;
  }

  RandomStreams streams() {
    return streams;
  }

  Buggify buggify() {
    return buggify;
  }

  SimClock clockOf(Actor process) {
    return clocks.get(process.id());
  }

  SimDisk diskOf(Actor process) {
    return disks.get(process.id());
  }

  void route(Actor source, NodeId targetId, Object message) {
    Actor target = actor(targetId);
    if (sendListener != null) {
      sendListener.sent(source.id(), targetId, message);
    }
    if (target.process == source.process) {
      trace.record(nowNanos(), source.name(), SEND_LOCAL, target.name(), Trace.describe(message));
      target.receiveLocal(source, message);
    } else {
      network.transmit(source, target, message);
    }
  }

  NodeId spawn(Actor parent, String name, NodeFactory factory) {
    NodeId id = parent.id().child(name);
    Actor actor = actors.get(id);
    if (actor == null) {
      actor = register(id, parent, factory);
      parent.children.add(actor);
    }
    Check.state(!actor.isAlive(), "actor %s is alive: kill it before spawning it again", id);
    actor.start(factory);
    return id;
  }


  private Actor register(NodeId id, Actor parent, NodeFactory factory) {
    Actor actor = new Actor(this, actors.size(), id, parent, factory);
    actors.put(id, actor);
    network.register(actor);
    return actor;
  }

  private void startNode(Actor node) {
    SimDisk disk = disks.get(node.id());
    disk.attach((delayNanos, task) -> node.setTimer(delayNanos, task));
    node.start(null);
  }

  private void startIfNeeded() {
    if (!started) {
      start();
    }
  }

  private Actor actor(NodeId id) {
    Actor actor = actors.get(id);
    Check.argument(actor != null, "no node or actor named %s", id);
    return actor;
  }

  private Actor process(NodeId id) {
    return actor(id).process;
  }

  private void dispatchDriverEvent(int kind, long arg, Object payload) {
    if (kind == DriverEvent.RUN) {
      ((Runnable) payload).run();
    } else if (kind == DriverEvent.FAULT) {
      apply((Fault) payload);
    } else if (!aimingOver) {
      apply(((ScheduledFault) payload).fault());
    } else { // aimed, but due after heal-all: dropped, as in the liveness phase no fault strikes
      aimedNeverFired.add((ScheduledFault) payload);
    }
  }

  /** The kinds of events the simulation schedules for itself. */
  private static final class DriverEvent {
    static final int RUN = 1;
    static final int FAULT = 2;
    static final int AIMED_FAULT = 3;
  }
}
