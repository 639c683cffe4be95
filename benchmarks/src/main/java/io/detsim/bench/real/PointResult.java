package io.detsim.bench.real;

import org.HdrHistogram.Histogram;

/**
 * Everything measured at one point.
 *
 * @param load the open-loop generator's tally
 * @param recalls the recall probe's tally
 * @param indexedPerSecond observations indexed per second during the measurement window
 * @param indexedAtEnd observations indexed when the run closed its books (after the grace period)
 * @param maxQueueDepth the deepest queue sampled during the measurement
 * @param cpuCores process CPU time during the measurement over its wall time (2.0 = two cores busy)
 * @param gcMillis collector time during the measurement
 * @param forcesPerSecond the server disk's fdatasync calls per second during the measurement (group commit)
 * @param writtenMegabytesPerSecond bytes the server wrote per second during the measurement, in MB
 * @param loadAverage the machine's 1-minute load average as the point started (other processes count too)
 * @param error why the point could not run; null when it ran
 */
record PointResult(BenchPoint point, LoadTally load, RecallTally recalls, double indexedPerSecond, long indexedAtEnd,
    long maxQueueDepth, double cpuCores, long gcMillis, double forcesPerSecond, double writtenMegabytesPerSecond,
    double loadAverage, String error) {

  static PointResult failed(BenchPoint point, String error) {
    return new PointResult(point, null, null, 0, 0, 0, 0, 0, 0, 0, 0, error);
  }

  boolean ran() {
    return error == null;
  }

  /** Why this point counts as failed (it did not run, or offers failed), or null when it did not. */
  String failure() {
    if (!ran()) {
      return "did not run: " + error;
    }
    if (load.failedTotal() > 0) {
      return load.failedTotal() + " offers failed, the first with: " + load.firstFailure();
    }
    return null;
  }

  Histogram acceptedLatency() {
    return load.acceptedLatency();
  }
}
