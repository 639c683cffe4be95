package io.detsim.bench.real;

import java.util.concurrent.locks.LockSupport;

/**
 * The time an {@link OpenLoopLoad} keeps, and how it waits for it. A benchmark runs on the JVM's
 * {@code nanoTime}; a test passes a clock of its own that waiting moves forward, so that what it
 * asserts about latencies does not depend on how loaded the machine is.
 */
interface LoadClock {
  /** The JVM's monotonic clock, waited on by parking the thread. */
  LoadClock SYSTEM = new LoadClock() {
    @Override
    public long nanoTime() {
      return System.nanoTime();
    }

    @Override
    public void parkNanos(long nanos) {
      LockSupport.parkNanos(nanos);
    }
  };

  long nanoTime();

  /** Waits about {@code nanos}; it may return early (as {@link LockSupport#parkNanos} does). */
  void parkNanos(long nanos);
}
