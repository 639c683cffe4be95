package io.detsim.runtime;

import io.detsim.sim.port.Clock;

/**
 * The real runtime's clock: monotonic ({@link System#nanoTime}), anchored once to the wall clock so
 * that its readings are nanoseconds since the epoch. Monotonic, because the engine measures
 * latencies and idle times by subtraction and a stepped wall clock would break them; anchored, so
 * that readings are positive and roughly comparable across restarts of the process.
 */
final class MonotonicClock implements Clock {
  private final long originNanos;
  private final long epochNanosAtOrigin;

  MonotonicClock() {
    this.originNanos = System.nanoTime();
    this.epochNanosAtOrigin = System.currentTimeMillis() * 1_000_000L;
  }

  @Override
  public long nowNanos() {
    return epochNanosAtOrigin + (System.nanoTime() - originNanos);
  }
}
