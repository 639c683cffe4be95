package io.detsim.runtime;

import io.detsim.sim.port.Check;
import io.detsim.sim.port.Clock;
import io.detsim.sim.port.Disk;
import io.detsim.sim.port.NodeContext;
import io.detsim.sim.port.NodeFactory;
import io.detsim.sim.port.NodeId;
import io.detsim.sim.port.RandomSource;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The real runtime's side of {@link NodeContext}, for one life of one actor. Once that life has
 * ended (a crash, a kill) the context is a dead handle: a handler of the old life that is still
 * running can no longer send, set timers or spawn, exactly as in the simulator.
 *
 * <p>BUGGIFY is always off, CPU time is spent for real (so {@link #consumeCpu} does nothing), and
 * trace lines go to the debug log.
 */
final class RealContext implements NodeContext {
  private static final System.Logger TRACE = System.getLogger("io.detsim.runtime.trace");

  private final RealRuntime runtime;
  private final RealActor actor;
  private final int incarnation;
  /** This life's streams by name: asking again continues a stream instead of restarting it. */
  private final Map<String, RandomSource> streams = new LinkedHashMap<>();

  RealContext(RealRuntime runtime, RealActor actor, int incarnation) {
    this.runtime = runtime;
    this.actor = actor;
    this.incarnation = incarnation;
  }

  @Override
  public NodeId self() {
    return actor.id;
  }

  @Override
  public Clock clock() {
    return runtime.clock();
  }

  @Override
  public void send(NodeId target, Object message) {
    Check.argument(message != null, "null message from %s to %s", actor.id, target);
    if (isCurrent()) {
      runtime.route(actor.id, target, message);
    }
  }

  @Override
  public long setTimer(long delayNanos, Runnable task) {
    Check.argument(delayNanos >= 0, "negative timer delay: %d", delayNanos);
    return actor.setTimer(incarnation, delayNanos, task);
  }

  @Override
  public boolean cancelTimer(long timer) {
    return actor.cancelTimer(timer);
  }

  @Override
  public Disk disk() {
    return runtime.diskOf(actor.process);
  }

  @Override
  public RandomSource random(String stream) {
    synchronized (streams) { // handlers run one at a time, but not always on the same thread
      return streams.computeIfAbsent(stream, name -> runtime.random(actor.id.name() + "#" + incarnation + "/" + name));
    }
  }

  @Override
  public boolean buggify(Enum<?> site) {
    return false; // fault points are for simulation; production never injects faults
  }

  @Override
  public boolean planted(Enum<?> bug) {
    return false; // planted bugs are for simulation: a real node never runs one
  }

  @Override
  public void consumeCpu(long nanos) {
    Check.argument(nanos >= 0, "negative CPU time: %d", nanos);
  }

  @Override
  public NodeId spawn(String name, NodeFactory factory) {
    Check.state(!actor.id.isActor(), "an actor cannot spawn actors: %s", actor.id);
    Check.state(isCurrent(), "%s spawned %s after its life ended", actor.id, name);
    return runtime.spawn(actor, name, factory);
  }

  @Override
  public void kill(NodeId child) {
    Check.argument(child.process().equals(actor.id.process()) && child.isActor(),
        "%s can only kill its own actors, not %s", actor.id, child);
    if (isCurrent()) {
      runtime.kill(child);
    }
  }

  @Override
  public boolean isAlive(NodeId child) {
    return runtime.isUp(child);
  }

  @Override
  public void trace(String kind, String detail) {
    if (TRACE.isLoggable(System.Logger.Level.DEBUG)) {
      TRACE.log(System.Logger.Level.DEBUG, actor.id + " " + kind + " " + detail);
    }
  }

  private boolean isCurrent() {
    return actor.isAlive() && actor.incarnation() == incarnation;
  }
}
