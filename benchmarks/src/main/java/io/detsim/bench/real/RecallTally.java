package io.detsim.bench.real;

import org.HdrHistogram.Histogram;

/**
 * The recall probe's readings for recalls due during the measurement.
 *
 * @param latency nanoseconds from each recall's intended time to its answer (or to giving up)
 * @param refused answered with a refusal (invalid cue or k)
 * @param unanswered failed or not answered before the probe gave up
 */
record RecallTally(Histogram latency, long refused, long unanswered) {}
