package io.detsim.engine.client;

import io.detsim.sim.port.Check;

/**
 * A client's optional recall probe: every {@code intervalNanos} of true elapsed time it sends a
 * {@code Recall} with a random cue, while it still has observations to stream. {@link #none()}
 * sends no recall.
 *
 * @param intervalNanos time between two probes; 0 turns the probe off
 * @param maxResults the k of the k nearest neighbours asked for
 * @param snapshot ask for snapshot isolation (see {@code Recall#snapshot})
 */
public record RecallProbe(long intervalNanos, int maxResults, boolean snapshot) {
  static final int MAX_RESULTS_LIMIT = 10_000;

  public RecallProbe {
    Check.argument(intervalNanos >= 0, "probe interval must not be negative: %d", intervalNanos);
    Check.argument(maxResults >= 1 && maxResults <= MAX_RESULTS_LIMIT,
        "probe maxResults must be in [1, %d]: %d", MAX_RESULTS_LIMIT, maxResults);
  }

  public static RecallProbe none() {
    return new RecallProbe(0, 1, true);
  }

  public static RecallProbe every(long intervalNanos, int maxResults, boolean snapshot) {
    Check.argument(intervalNanos > 0, "probe interval must be positive: %d", intervalNanos);
    return new RecallProbe(intervalNanos, maxResults, snapshot);
  }

  public boolean isEnabled() {
    return intervalNanos > 0;
  }
}
