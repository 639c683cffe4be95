package io.detsim.sim.port;

/**
 * The behaviour of a node or actor: a state machine driven by messages and timers.
 *
 * <p>The contract (DSLabs, Erlang): handlers run one at a time, to completion, and never block. A
 * node never waits; it sends, sets a timer, or asks its disk to sync, and is called back later.
 * Everything a handler needs from the outside world comes through its {@link NodeContext}, handed
 * to the {@link NodeFactory} that built it; a node keeps it in a field.
 *
 * <p>The object is the node's volatile state: a crash drops it, and a restart builds a new one from
 * the factory, which finds only what the disk kept.
 */
public interface Node {

  /** Called once, when the node (re)starts, before any message or timer reaches it. */
  default void onStart() {}

  /** Handles one message. {@code source} is the sender's address as the network saw it. */
  void onMessage(NodeId source, Object message);
}
