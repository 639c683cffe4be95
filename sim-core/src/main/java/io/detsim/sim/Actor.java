package io.detsim.sim;

import io.detsim.sim.port.Check;
import io.detsim.sim.port.Node;
import io.detsim.sim.port.NodeFactory;
import io.detsim.sim.port.NodeId;
import io.detsim.sim.trace.Name;
import io.detsim.sim.trace.Trace;
import java.util.ArrayList;
import java.util.List;

/**
 * A node (a process) or an actor inside one: a behaviour, its mailbox, and its lives.
 *
 * <p>Handlers run one at a time and to completion: work that arrives while the actor is busy
 * (it consumed CPU), paused, or still has older work queued waits in the mailbox and is drained in
 * arrival order, one item per scheduler event, so that same-instant events of other actors can
 * interleave with it when ties are shuffled.
 *
 * <p>Each crash or kill ends a life: the incarnation number moves on, and every event addressed to
 * the old life (timers, drains, messages in flight) is recognised by its incarnation and ignored.
 * That is how "pending timers and undelivered messages vanish" costs nothing at crash time.
 */
final class Actor implements Endpoint, EventTarget {
  static final int TIMER_EVENT = 1;
  static final int DRAIN_EVENT = 2;

  private static final Name TIMER = new Name("timer");
  private static final Name START = new Name("start");
  private static final Name DELIVER = new Name("deliver");

  final Simulation simulation;
  final Actor process; // this, for a node
  final List<Actor> children = new ArrayList<>(); // a node's actors, in spawn order
  private final int index;
  private final NodeId id;
  private final Name name;
  private final Mailbox mailbox = new Mailbox();

  private NodeFactory factory;
  private Node behaviour;
  private int incarnation;
  private boolean alive;
  private boolean drainScheduled;
  private long busyUntilNanos;
  private long pausedUntilNanos;

  Actor(Simulation simulation, int index, NodeId id, Actor process, NodeFactory factory) {
    this.simulation = simulation;
    this.index = index;
    this.id = id;
    this.name = new Name(id.name());
    this.process = process == null ? this : process;
    this.factory = factory;
  }

  @Override
  public int index() {
    return index;
  }

  @Override
  public NodeId id() {
    return id;
  }

  @Override
  public Name name() {
    return name;
  }

  @Override
  public int incarnation() {
    return incarnation;
  }

  boolean isAlive() {
    return alive;
  }

  Node behaviour() {
    return behaviour;
  }

  @Override
  public boolean accepts(int incarnation) {
    return alive && this.incarnation == incarnation;
  }

  // ---- lives ----

  /** Begins a new life: a fresh behaviour from the factory, then its onStart. */
  void start(NodeFactory newFactory) {
    Check.state(!alive, "%s is already alive", id);
    if (newFactory != null) {
      factory = newFactory;
    }
    incarnation++;
    alive = true;
    busyUntilNanos = 0;
    pausedUntilNanos = 0;
    simulation.trace().record(simulation.nowNanos(), name, START, null, "incarnation " + incarnation);
    simulation.trace().mark();
    try {
      simulation.handlerBudget().runNested(this, () -> {
        behaviour = factory.create(new SimContext(simulation, this));
        behaviour.onStart();
      });
    } catch (StackOverflowError overflow) { // as in run: a start can recurse without end too
      simulation.trace().rewindToMark();
      throw RunawayHandlerException.overflowed(id, simulation.nowNanos(), overflow);
    }
  }

  /** Ends this life: mailbox, timers and in-flight messages are gone with it. */
  void die() {
    if (!alive) {
      return;
    }
    alive = false;
    incarnation++;
    behaviour = null;
    mailbox.clear();
    drainScheduled = false;
  }

  void pauseUntil(long untilNanos) {
    pausedUntilNanos = Math.max(pausedUntilNanos, untilNanos);
  }

  void unpause() {
    pausedUntilNanos = 0;
    if (alive && !mailbox.isEmpty()) {
      drainScheduled = false; // the old drain event waits for the old pause; schedule one for now
      scheduleDrain();
    }
  }

  void consumeCpu(long nanos) {
    Check.argument(nanos >= 0, "negative CPU time: %d", nanos);
    busyUntilNanos = Math.max(busyUntilNanos, simulation.nowNanos()) + nanos;
  }

  long setTimer(long delayNanos, Runnable task) {
    return simulation.scheduler().scheduleAfter(delayNanos, this, TIMER_EVENT, incarnation, task);
  }

  boolean cancelTimer(long handle) {
    return simulation.scheduler().cancel(handle) || mailbox.removeTimer(handle);
  }

  // ---- arrivals ----

  @Override
  public void receive(Endpoint source, Object message) {
    arrive(Mailbox.MESSAGE, source, message, 0);
  }

  /** A message from an actor of the same process: no network, same order as sent. */
  void receiveLocal(Actor source, Object message) {
    if (!alive) {
      return;
    }
    mailbox.add(Mailbox.LOCAL_MESSAGE, source, message, 0);
    scheduleDrain();
  }

  @Override
  public void dispatch(int kind, long arg, Object payload) {
    if (!accepts((int) arg)) {
      return; // addressed to a life that has ended
    }
    if (kind == TIMER_EVENT) {
      arrive(Mailbox.TIMER, payload, null, simulation.scheduler().currentHandle());
    } else if (kind == DRAIN_EVENT) {
      drainScheduled = false;
      drainOne();
    } else {
      throw new AssertionError("unknown actor event kind " + kind);
    }
  }

  private void arrive(int kind, Object first, Object second, long handle) {
    if (mailbox.isEmpty() && simulation.nowNanos() >= availableAtNanos()) {
      run(kind, first, second);
    } else {
      mailbox.add(kind, first, second, handle);
      scheduleDrain();
    }
  }

  private void drainOne() {
    if (mailbox.isEmpty()) {
      return;
    }
    if (simulation.nowNanos() < availableAtNanos()) {
      scheduleDrain();
      return;
    }
    int kind = mailbox.peekKind();
    Object first = mailbox.peekFirst();
    Object second = mailbox.peekSecond();
    mailbox.removeHead();
    if (kind != 0) { // 0: a timer cancelled while it waited
      run(kind, first, second);
    }
    if (alive && !mailbox.isEmpty()) {
      scheduleDrain();
    }
  }

  private void scheduleDrain() {
    if (!drainScheduled) {
      drainScheduled = true;
      long at = Math.max(simulation.nowNanos(), availableAtNanos());
      simulation.scheduler().schedule(at, this, DRAIN_EVENT, incarnation, null);
    }
  }

  private void run(int kind, Object first, Object second) {
    HandlerBudget budget = simulation.handlerBudget();
    HandlerMeter meter = simulation.meter();
    long token = meter == null ? 0 : meter.begin(id);
    budget.begin(this);
    simulation.trace().mark();
    try {
      handle(kind, first, second);
    } catch (StackOverflowError overflow) {
      // The handler recursed without end. Where the stack ran out is the JVM's business (stack size,
      // JIT), not the run's: take back what the handler traced, and fail at its instant.
      simulation.trace().rewindToMark();
      throw RunawayHandlerException.overflowed(id, simulation.nowNanos(), overflow);
    } finally {
      budget.end();
      if (meter != null) {
        meter.end(id, token);
      }
    }
  }

  private void handle(int kind, Object first, Object second) {
    if (kind == Mailbox.MESSAGE) {
      behaviour.onMessage(((Endpoint) first).id(), second);
    } else if (kind == Mailbox.LOCAL_MESSAGE) {
      Endpoint source = (Endpoint) first;
      simulation.trace().record(simulation.nowNanos(), name, DELIVER, source.name(), Trace.describe(second));
      behaviour.onMessage(source.id(), second);
    } else {
      simulation.trace().record(simulation.nowNanos(), name, TIMER, null, null);
      ((Runnable) first).run();
    }
  }

  private long availableAtNanos() {
    return Math.max(busyUntilNanos, Math.max(pausedUntilNanos, process.pausedUntilNanos));
  }
}
