package io.detsim.sim.net;

/**
 * What the network did in a run. Every sent message ends in exactly one of: delivered, lost,
 * dropped by a partition, dropped because its target was down, or still in flight; a duplicate adds
 * one more delivery opportunity. So {@code delivered <= sent + duplicated} always.
 */
public record NetworkStats(
    long sent,
    long delivered,
    long lost,
    long partitioned,
    long targetDown,
    long duplicated,
    long reordered,
    long held) {

  public long dropped() {
    return lost + partitioned + targetDown;
  }

  /** Dropped per sent message, for any reason; 0 when nothing was sent. */
  public double effectiveDropRate() {
    return sent == 0 ? 0.0 : (double) dropped() / sent;
  }
}
