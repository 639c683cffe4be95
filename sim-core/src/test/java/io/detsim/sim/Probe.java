package io.detsim.sim;

import io.detsim.sim.port.Node;
import io.detsim.sim.port.NodeContext;
import io.detsim.sim.port.NodeId;
import java.util.ArrayList;
import java.util.List;

/**
 * A test node that does what the test tells it and records what reaches it: the smallest thing
 * that lets a kernel test see one fault's effect.
 */
final class Probe implements Node {
  record Received(long atNanos, NodeId source, Object message) {}

  final NodeContext context;
  final List<Received> received = new ArrayList<>();
  final List<Long> timersFired = new ArrayList<>();
  final Simulation simulation;
  int starts;

  Probe(NodeContext context, Simulation simulation) {
    this.context = context;
    this.simulation = simulation;
  }

  @Override
  public void onStart() {
    starts++;
  }

  @Override
  public void onMessage(NodeId source, Object message) {
    received.add(new Received(simulation.nowNanos(), source, message));
    if (message instanceof Runnable) {
      ((Runnable) message).run();
    }
  }

  List<Object> messages() {
    List<Object> messages = new ArrayList<>();
    for (Received r : received) {
      messages.add(r.message());
    }
    return messages;
  }

  /** Adds a probe node to a simulation. */
  static NodeId add(Simulation sim, String name) {
    return sim.addNode(name, context -> new Probe(context, sim));
  }

  static Probe of(Simulation sim, NodeId id) {
    return sim.node(id, Probe.class);
  }

  /** Makes {@code from} send {@code message} to {@code to} at time {@code atNanos}. */
  static void sendAt(Simulation sim, long atNanos, NodeId from, NodeId to, Object message) {
    sim.at(atNanos, () -> of(sim, from).context.send(to, message));
  }
}
