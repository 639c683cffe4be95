package io.detsim.sim;

import io.detsim.sim.random.Xoshiro256;

/**
 * The kernel's scheduler alone under the hold model, for benchmarks (JMH's
 * {@code SchedulerBenchmark}, {@code detsim bench}): {@code pending} events stay queued, and each
 * step dispatches the earliest, whose handler schedules one more at a delay drawn from a fixed
 * table (so that no random number is paid for on the measured path). The scheduler is kernel
 * machinery, package-private; this is the one way to drive it bare, outside a simulation.
 */
public final class SchedulerHoldModel {
  private static final int DELAY_TABLE_SIZE = 1 << 16;

  private final long[] delays = new long[DELAY_TABLE_SIZE];
  private final Scheduler scheduler;
  private final EventTarget rescheduling;
  private int next;
  private long checksum;

  /** A scheduler holding {@code pending} events, delays of 1 ns to 1 ms from a table seeded 42. */
  public SchedulerHoldModel(int pending) {
    Xoshiro256 random = new Xoshiro256(42);
    for (int i = 0; i < delays.length; i++) {
      delays[i] = 1 + random.nextLong(1_000_000);
    }
    scheduler = new Scheduler(null, pending);
    rescheduling = this::dispatch;
    for (int i = 0; i < pending; i++) {
      scheduler.scheduleAfter(nextDelay(), rescheduling, 0, i, null);
    }
  }

  /** Dispatches one event; returns a checksum of every event dispatched, to keep the work observable. */
  public long step() {
    scheduler.step();
    return checksum;
  }

  /** One event's handler: counts it and schedules the next, so the number pending stays the same. */
  private void dispatch(int kind, long arg, Object payload) {
    checksum += arg;
    scheduler.scheduleAfter(nextDelay(), rescheduling, 0, arg + 1, null);
  }

  private long nextDelay() {
    return delays[next++ & (DELAY_TABLE_SIZE - 1)];
  }
}
