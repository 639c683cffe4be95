package io.detsim.sim;

import io.detsim.sim.port.NodeId;

/**
 * Told when each node's handler (a message, a timer) starts and ends, so a benchmark can say how
 * much of a run's cost is the system's own work and how much is the simulator and the checks around
 * it. The meter may read a real clock: the simulation only calls it and never reads what it measured,
 * so a run's events and digest are the same with a meter or without.
 */
public interface HandlerMeter {
  /** Called just before a handler of {@code node} runs; returns a token for {@link #end}. */
  long begin(NodeId node);

  /** Called just after the handler returned or threw, with {@link #begin}'s token. */
  void end(NodeId node, long token);
}
