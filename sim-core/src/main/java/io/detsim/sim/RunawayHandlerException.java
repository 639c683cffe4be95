package io.detsim.sim;

import io.detsim.sim.port.NodeId;

/**
 * A node's handler called its context or clock more often than one handler may without returning:
 * a loop that will not end. The usual cause is a wait on virtual time (virtual time stands still
 * while a handler runs, so {@code while (clock.nanoTime() < deadline)} never ends) or a retry
 * loop with no bound. Thrown from inside the handler, at the call that went over, so its stack
 * trace shows the loop; the run fails there, deterministically, so the failure shrinks and replays.
 */
public final class RunawayHandlerException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final transient NodeId node;

  RunawayHandlerException(NodeId node, long calls, long atNanos) {
    super(String.format("runaway handler: %s made %,d calls to its context and clock in one handler at %s without"
        + " returning; virtual time stands still inside a handler, so a loop waiting for it never ends"
        + " (Simulation.limitCallsPerHandler sets the limit)", node, calls, io.detsim.sim.fault.Durations.format(atNanos)));
    this.node = node;
  }

  /** The node whose handler ran away. */
  public NodeId node() {
    return node;
  }
}
