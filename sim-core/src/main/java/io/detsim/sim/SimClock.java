package io.detsim.sim;

import io.detsim.sim.port.Clock;
import java.util.function.LongSupplier;

/**
 * One node's clock: true virtual time plus an offset plus a drift.
 *
 * <p>{@code reading = now + offset + (now - anchor) * ppm / 10^6}. Setting the drift folds what has
 * accumulated so far into the offset and moves the anchor, so the reading never jumps when only the
 * rate changes. The offset can be set or stepped either way, as NTP steps a clock: readings may go
 * backwards. Timers never read this clock; they run on true time.
 *
 * <p>The drift term is computed in two parts so that eight hours of nanoseconds times a million ppm
 * cannot overflow a long.
 */
final class SimClock implements Clock {
  private static final long MILLION = 1_000_000L;

  private final LongSupplier trueNanos;
  private long offsetNanos;
  private long driftPartsPerMillion;
  private long anchorNanos;

  public SimClock(LongSupplier trueNanos) {
    this.trueNanos = trueNanos;
  }

  @Override
  public long nowNanos() {
    long now = trueNanos.getAsLong();
    return now + offsetNanos + driftSince(now);
  }

  public long offsetNanos() {
    return offsetNanos;
  }

  public long driftPartsPerMillion() {
    return driftPartsPerMillion;
  }

  /** Sets the offset from true time (negative: behind); the drift carries on from here. */
  public void setOffset(long offsetNanos) {
    anchorNanos = trueNanos.getAsLong();
    this.offsetNanos = offsetNanos;
  }

  /** Steps the reading by {@code deltaNanos}, forwards or backwards. */
  public void jump(long deltaNanos) {
    foldDrift();
    offsetNanos += deltaNanos;
  }

  /** Sets the rate error from now on, in parts per million (negative: the clock runs slow). */
  public void setDrift(long partsPerMillion) {
    foldDrift();
    driftPartsPerMillion = partsPerMillion;
  }

  /** Back to true time: no offset, no drift. */
  public void reset() {
    offsetNanos = 0;
    driftPartsPerMillion = 0;
    anchorNanos = trueNanos.getAsLong();
  }

  private void foldDrift() {
    long now = trueNanos.getAsLong();
    offsetNanos += driftSince(now);
    anchorNanos = now;
  }

  private long driftSince(long now) {
    if (driftPartsPerMillion == 0) {
      return 0;
    }
    long elapsed = now - anchorNanos;
    return (elapsed / MILLION) * driftPartsPerMillion + (elapsed % MILLION) * driftPartsPerMillion / MILLION;
  }
}
