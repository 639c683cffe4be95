package io.detsim.sim.disk;

/**
 * How a simulated disk completes a sync later in virtual time, on its node's handler.
 *
 * <p>The simulation passes one to {@link SimDisk#attach} each time the node (re)starts, backed by
 * that incarnation's timers. A crash drops the node's timers and with them every pending sync
 * completion: that is how "the callback never runs" happens.
 */
@FunctionalInterface
public interface SyncTimer {

  /** Runs {@code task} on the node's handler after {@code delayNanos} of virtual time. */
  void schedule(long delayNanos, Runnable task);
}
