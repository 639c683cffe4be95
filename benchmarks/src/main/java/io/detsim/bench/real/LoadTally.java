package io.detsim.bench.real;

import org.HdrHistogram.Histogram;

/**
 * What the open-loop generator saw for observations due during the measurement (the warm-up's are
 * left out), except where a field says otherwise.
 *
 * @param offered observations due during the measurement
 * @param acceptedLatency nanoseconds from the intended send time to ACCEPTED, plus the lower bound
 *     reached by those never answered
 * @param acceptedPerSecond ACCEPTED answers that arrived during the measurement window, per second
 * @param overCapacity refused as OVER_CAPACITY
 * @param storeFull refused as STORE_FULL: the engine holds its budget of observations (no retry-after)
 * @param otherRefusals refused for any other reason
 * @param failedTotal futures that failed (engine stopping or crashed), over the whole run
 * @param unansweredTotal never answered before the generator gave up, over the whole run
 * @param unanswered never answered, of those due during the measurement
 * @param acceptedTotal ACCEPTED over the whole run, warm-up included
 * @param firstFailure the error of the first offer that failed (it names why: the engine failed, and
 *     what crashed); null when none failed
 */
record LoadTally(long offered, Histogram acceptedLatency, double acceptedPerSecond, long overCapacity,
    long storeFull, long otherRefusals, long failedTotal, long unansweredTotal, long unanswered, long acceptedTotal,
    String firstFailure) {

  double rejectedPercent() {
    return offered == 0 ? 0 : 100.0 * (overCapacity + storeFull + otherRefusals) / offered;
  }
}
