package io.detsim.sim;

import io.detsim.sim.port.NodeId;

/**
 * Told of every message a node sends, inside the sending handler, before the network decides its
 * fate (partition, loss, delay): for checks of what a message claims against the sender's state at
 * that instant, such as an acknowledgement of durability against what the sender's disk would keep
 * if it crashed then ({@link Simulation#durableImage}). See {@link Simulation#onSend}.
 */
@FunctionalInterface
public interface SendListener {
  /**
   * {@code source} sent {@code message} to {@code target}. Must only read: anything it changes,
   * sends or draws would change the run.
   */
  void sent(NodeId source, NodeId target, Object message);
}
