package io.detsim.sim;

import io.detsim.sim.fault.Anchor;
import io.detsim.sim.port.Check;
import io.detsim.sim.port.Clock;
import io.detsim.sim.port.Disk;
import io.detsim.sim.port.NodeContext;
import io.detsim.sim.port.NodeFactory;
import io.detsim.sim.port.NodeId;
import io.detsim.sim.port.RandomSource;
import io.detsim.sim.trace.Name;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The simulator's side of {@link NodeContext}, for one life of one actor. A context outlives its
 * life only as a dead handle: the simulator never calls a handler of an ended life, so its calls
 * cannot reach the world.
 */
final class SimContext implements NodeContext {
  private final Simulation simulation;
  private final Actor actor;
  private final int incarnation;
  /** This life's streams by name: asking again continues a stream instead of restarting it. */
  private final Map<String, RandomSource> streams = new LinkedHashMap<>();

  SimContext(Simulation simulation, Actor actor) {
    this.simulation = simulation;
    this.actor = actor;
    this.incarnation = actor.incarnation();
  }

  @Override
  public NodeId self() {
    return actor.id();
  }

  @Override
  public Clock clock() {
    simulation.handlerBudget().charge();
    return simulation.clockOf(actor.process);
  }

  @Override
  public void send(NodeId target, Object message) {
    simulation.handlerBudget().charge();
    Check.argument(message != null, "null message from %s to %s", actor.id(), target);
    if (isCurrent()) {
      simulation.route(actor, target, message);
    }
  }

  @Override
  public long setTimer(long delayNanos, Runnable task) {
    simulation.handlerBudget().charge();
    Check.argument(delayNanos >= 0, "negative timer delay: %d", delayNanos);
    return actor.setTimer(delayNanos, task);
  }

  @Override
  public boolean cancelTimer(long timer) {
    simulation.handlerBudget().charge();
    return actor.cancelTimer(timer);
  }

  @Override
  public Disk disk() {
    simulation.handlerBudget().charge();
    return simulation.diskOf(actor.process);
  }

  @Override
  public RandomSource random(String stream) {
    simulation.handlerBudget().charge();
    return streams.computeIfAbsent(
        stream, name -> simulation.streams().stream(actor.id().name() + "#" + incarnation + "/" + name));
  }

  @Override
  public boolean buggify(Enum<?> site) {
    simulation.handlerBudget().charge();
    return simulation.buggify().shouldFire(site);
  }

  @Override
  public boolean planted(Enum<?> bug) {
    simulation.handlerBudget().charge();
    return simulation.options().planted().contains(bug);
  }

  @Override
  public void consumeCpu(long nanos) {
    simulation.handlerBudget().charge();
    actor.consumeCpu(nanos);
  }

  @Override
  public NodeId spawn(String name, NodeFactory factory) {
    simulation.handlerBudget().charge();
    Check.state(!actor.id().isActor(), "an actor cannot spawn actors: %s", actor.id());
    return simulation.spawn(actor, name, factory);
  }

  @Override
  public void kill(NodeId child) {
    simulation.handlerBudget().charge();
    Check.argument(child.process().equals(actor.id().process()) && child.isActor(),
        "%s can only kill its own actors, not %s", actor.id(), child);
    simulation.kill(child);
  }

  @Override
  public boolean isAlive(NodeId child) {
    simulation.handlerBudget().charge();
    return simulation.isUp(child);
  }

  @Override
  public void trace(String kind, String detail) {
    simulation.handlerBudget().charge();
    simulation.trace().record(simulation.nowNanos(), actor.name(), new Name(kind), null, detail);
  }

  @Override
  public void point(String name) {
    simulation.handlerBudget().charge();
    // a name that no schedule could spell would be a point no fault can be aimed at
    Check.argument(Anchor.POINT_NAME.matcher(name).matches(), "not a point name (lower-case words joined by '-'): %s", name);
    simulation.announce(self(), name);
  }

  private boolean isCurrent() {
    return actor.accepts(incarnation);
  }
}
