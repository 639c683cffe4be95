package io.detsim.sim;

import io.detsim.sim.fault.Durations;
import io.detsim.sim.port.NodeId;

/**
 * A node's handler called its context or clock more often than one handler may without returning:
 * a loop that will not end. The usual cause is a wait on virtual time (virtual time stands still
 * while a handler runs, so {@code while (clock.nanoTime() < deadline)} never ends) or a retry
 * loop with no bound. Thrown from inside the handler, at the call that went over, so its stack
 * trace shows the loop; the run fails there, deterministically, so the failure shrinks and replays.
 * A handler that recurses without end is the same bug by another road: it fails when the stack
 * runs out, with what it traced taken back, so that run too fails the same way everywhere.
 */
public final class RunawayHandlerException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final transient NodeId node;

  RunawayHandlerException(NodeId node, long calls, long atNanos) {
    super(String.format("runaway handler: %s made %,d calls to its context and clock in one handler at %s without"
        + " returning; virtual time stands still inside a handler, so a loop waiting for it never ends"
        + " (Simulation.limitCallsPerHandler sets the limit)", node, calls, Durations.format(atNanos)));
    this.node = node;
  }

  private RunawayHandlerException(NodeId node, String message, StackOverflowError overflow) {
    super(message, overflow);
    this.node = node;
  }

  /**
   * {@code node}'s handler overflowed the stack at {@code atNanos}: a recursion that does not end.
   * The message names no depth (it depends on the JVM), so the verdict is the same on every run;
   * the cause's stack trace shows the recursion.
   */
  static RunawayHandlerException overflowed(NodeId node, long atNanos, StackOverflowError overflow) {
    return new RunawayHandlerException(node, String.format("runaway handler: %s's handler overflowed the stack at %s:"
        + " a recursion that does not end (the cause's stack trace shows it)", node, Durations.format(atNanos)),
        overflow);
  }

  /** The node whose handler ran away. */
  public NodeId node() {
    return node;
  }
}
