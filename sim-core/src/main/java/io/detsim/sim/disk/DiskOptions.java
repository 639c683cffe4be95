package io.detsim.sim.disk;

import io.detsim.sim.port.Ratio;
import java.util.Objects;

/**
 * The fault knobs of one simulated disk. The defaults ({@link #none()}) mean no fault.
 *
 * <p>Sync latency is not a fault, so even {@link #none()} has some: every sync completes
 * {@value #DEFAULT_SYNC_LATENCY_MIN_NANOS}..{@value #DEFAULT_SYNC_LATENCY_MAX_NANOS} ns later, the
 * range of a flush on a datacentre SSD (fast NVMe at the low end, a SATA drive's cache flush at the
 * high end). A zero default would make every sync complete on the next event, which hides the window
 * in which group commit pays and in which a crash catches a sync half-way.
 *
 * @param syncLatencyMinNanos shortest time a sync takes, in virtual nanoseconds
 * @param syncLatencyMaxNanos longest time a sync takes, inclusive
 * @param tornWriteRatio probability that, at a crash, a file's unsynced operations do not all vanish:
 *     a prefix of them, in issue order, reached the disk, the last write of it torn (a strict prefix)
 */
public record DiskOptions(long syncLatencyMinNanos, long syncLatencyMaxNanos, Ratio tornWriteRatio) {
  public static final long DEFAULT_SYNC_LATENCY_MIN_NANOS = 100_000L;
  public static final long DEFAULT_SYNC_LATENCY_MAX_NANOS = 2_000_000L;

  public DiskOptions {
    Objects.requireNonNull(tornWriteRatio, "tornWriteRatio");
    if (syncLatencyMinNanos < 0 || syncLatencyMaxNanos < syncLatencyMinNanos) {
      throw new IllegalArgumentException(
          "sync latency needs 0 <= min <= max: " + syncLatencyMinNanos + ".." + syncLatencyMaxNanos + "ns");
    }
  }

  /** No fault: every write survives once synced, nothing unsynced survives a crash. */
  public static DiskOptions none() {
    return new DiskOptions(DEFAULT_SYNC_LATENCY_MIN_NANOS, DEFAULT_SYNC_LATENCY_MAX_NANOS, Ratio.NEVER);
  }

  public DiskOptions withSyncLatencyNanos(long minNanos, long maxNanos) {
    return new DiskOptions(minNanos, maxNanos, tornWriteRatio);
  }

  public DiskOptions withTornWriteRatio(Ratio ratio) {
    return new DiskOptions(syncLatencyMinNanos, syncLatencyMaxNanos, ratio);
  }
}
