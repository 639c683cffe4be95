package io.detsim.sim.net;

import io.detsim.sim.port.Check;
import io.detsim.sim.port.Ratio;

/**
 * The network's latency model and its standing faults for a run. {@link #none()} is a healthy LAN:
 * latency without faults; every fault knob's default means "no fault".
 *
 * <p>One-way latency is uniform in {@code [latencyMinNanos, latencyMaxNanos]}, except that with
 * probability {@code tailRatio} it is uniform in {@code [latencyMaxNanos, tailMaxNanos]}: the slow
 * tail of a real network. A reordered message is held back by up to {@code reorderMaxNanos} more.
 *
 * @param loss probability that a message is lost
 * @param duplicate probability that a message is delivered twice
 * @param reorder probability that a message is held back behind later ones
 * @param delayMinNanos the lower end of an extra delay every message gets (a {@code DelayInjector})
 * @param delayMaxNanos the upper end of that extra delay
 */
public record NetworkOptions(
    long latencyMinNanos,
    long latencyMaxNanos,
    Ratio tailRatio,
    long tailMaxNanos,
    Ratio loss,
    Ratio duplicate,
    Ratio reorder,
    long reorderMaxNanos,
    long delayMinNanos,
    long delayMaxNanos) {

  private static final long MILLISECOND = 1_000_000L;

  public NetworkOptions {
    Check.argument(latencyMinNanos >= 0 && latencyMaxNanos >= latencyMinNanos,
        "latency needs 0 <= min <= max: %d..%d", latencyMinNanos, latencyMaxNanos);
    Check.argument(tailMaxNanos >= latencyMaxNanos, "tail max %d below latency max %d", tailMaxNanos, latencyMaxNanos);
    Check.argument(reorderMaxNanos >= 0, "negative reorder max: %d", reorderMaxNanos);
    Check.argument(delayMinNanos >= 0 && delayMaxNanos >= delayMinNanos,
        "extra delay needs 0 <= min <= max: %d..%d", delayMinNanos, delayMaxNanos);
    java.util.Objects.requireNonNull(tailRatio, "tailRatio");
    java.util.Objects.requireNonNull(loss, "loss");
    java.util.Objects.requireNonNull(duplicate, "duplicate");
    java.util.Objects.requireNonNull(reorder, "reorder");
  }

  /** A healthy network: 1-3 ms one way, no tail, no loss, duplication, reordering or extra delay. */
  public static NetworkOptions none() {
    return new NetworkOptions(
        1 * MILLISECOND, 3 * MILLISECOND, Ratio.NEVER, 3 * MILLISECOND,
        Ratio.NEVER, Ratio.NEVER, Ratio.NEVER, 30 * MILLISECOND, 0, 0);
  }

  public NetworkOptions withLatency(long minNanos, long maxNanos) {
    return new NetworkOptions(minNanos, maxNanos, tailRatio, Math.max(tailMaxNanos, maxNanos),
        loss, duplicate, reorder, reorderMaxNanos, delayMinNanos, delayMaxNanos);
  }

  public NetworkOptions withTail(Ratio ratio, long maxNanos) {
    return new NetworkOptions(latencyMinNanos, latencyMaxNanos, ratio, maxNanos,
        loss, duplicate, reorder, reorderMaxNanos, delayMinNanos, delayMaxNanos);
  }

  public NetworkOptions withLoss(Ratio ratio) {
    return new NetworkOptions(latencyMinNanos, latencyMaxNanos, tailRatio, tailMaxNanos,
        ratio, duplicate, reorder, reorderMaxNanos, delayMinNanos, delayMaxNanos);
  }

  public NetworkOptions withDuplicate(Ratio ratio) {
    return new NetworkOptions(latencyMinNanos, latencyMaxNanos, tailRatio, tailMaxNanos,
        loss, ratio, reorder, reorderMaxNanos, delayMinNanos, delayMaxNanos);
  }

  public NetworkOptions withReorder(Ratio ratio) {
    return new NetworkOptions(latencyMinNanos, latencyMaxNanos, tailRatio, tailMaxNanos,
        loss, duplicate, ratio, reorderMaxNanos, delayMinNanos, delayMaxNanos);
  }

  public NetworkOptions withDelay(long minNanos, long maxNanos) {
    return new NetworkOptions(latencyMinNanos, latencyMaxNanos, tailRatio, tailMaxNanos,
        loss, duplicate, reorder, reorderMaxNanos, minNanos, maxNanos);
  }

  /** The same latency model with every fault knob back at "no fault". */
  public NetworkOptions healed() {
    return new NetworkOptions(latencyMinNanos, latencyMaxNanos, Ratio.NEVER, latencyMaxNanos,
        Ratio.NEVER, Ratio.NEVER, Ratio.NEVER, reorderMaxNanos, 0, 0);
  }
}
