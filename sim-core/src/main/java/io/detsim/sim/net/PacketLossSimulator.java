package io.detsim.sim.net;

import io.detsim.sim.fault.Fault;
import io.detsim.sim.port.RandomSource;
import io.detsim.sim.port.Ratio;

/**
 * Drops messages with a fixed probability and keeps count (the original design's
 * {@code PacketLossSimulator}): how many were offered, how many dropped, and the effective rate, so a
 * test can tell "1/100 configured" from "what this run actually did".
 */
public final class PacketLossSimulator {
  private Ratio rate;
  private long attempts;
  private long drops;

  public PacketLossSimulator(Ratio rate) {
    this.rate = java.util.Objects.requireNonNull(rate, "rate");
  }

  public Ratio rate() {
    return rate;
  }

  /** Changes the rate from now on; the counts carry on. */
  public void setRate(Ratio rate) {
    this.rate = java.util.Objects.requireNonNull(rate, "rate");
  }

  /** Decides one message's fate. Draws nothing at rate zero, so "no loss" shifts no stream. */
  public boolean shouldDrop(RandomSource random) {
    attempts++;
    boolean drop = !rate.isNever() && random.chance(rate);
    if (drop) {
      drops++;
    }
    return drop;
  }

  public long attempts() {
    return attempts;
  }

  public long drops() {
    return drops;
  }

  /** Drops per attempt so far; 0 before any attempt. */
  public double effectiveRate() {
    return attempts == 0 ? 0.0 : (double) drops / attempts;
  }

  public Fault.Loss toFault() {
    return new Fault.Loss(rate);
  }
}
