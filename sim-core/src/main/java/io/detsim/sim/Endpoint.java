package io.detsim.sim;

import io.detsim.sim.port.NodeId;
import io.detsim.sim.trace.Name;

/**
 * What the network needs of a node or actor: its address and whether a message sent to one of its
 * lives can still reach it. The simulation's actors implement it.
 */
interface Endpoint {

  /** A small dense number, fixed for the run: the network's index into its endpoint table. */
  int index();

  NodeId id();

  Name name();

  /** Which life of the endpoint is current; a crash or kill starts a new one. */
  int incarnation();

  /** True when life {@code incarnation} is still the current one and alive. */
  boolean accepts(int incarnation);

  /** Hands a message to the endpoint (it may wait in the mailbox while the endpoint is busy). */
  void receive(Endpoint source, Object message);
}
