package io.detsim.sim.net;

import io.detsim.sim.fault.Fault;
import io.detsim.sim.port.Check;
import io.detsim.sim.port.RandomSource;

/**
 * Extra network latency, uniform in {@code [minNanos, maxNanos]} (the original design's
 * {@code DelayInjector}, 0-100 ms there), on virtual time: a delay costs no wall time.
 *
 * <p>The network draws each message's extra delay from one of these; a schedule sets it with the
 * fault {@link #toFault()} returns.
 */
public record DelayInjector(long minNanos, long maxNanos) {
  public DelayInjector {
    Check.argument(minNanos >= 0 && maxNanos >= minNanos, "delay needs 0 <= min <= max: %d..%d", minNanos, maxNanos);
  }

  public static DelayInjector none() {
    return new DelayInjector(0, 0);
  }

  public static DelayInjector millis(long minMillis, long maxMillis) {
    return new DelayInjector(minMillis * 1_000_000L, maxMillis * 1_000_000L);
  }

  public boolean isNone() {
    return maxNanos == 0;
  }

  /** This message's extra delay. Draws nothing when there is no delay, so "none" shifts no stream. */
  public long sampleNanos(RandomSource random) {
    return maxNanos == 0 ? 0 : random.nextLong(minNanos, maxNanos);
  }

  public Fault.Delay toFault() {
    return new Fault.Delay(minNanos, maxNanos);
  }
}
