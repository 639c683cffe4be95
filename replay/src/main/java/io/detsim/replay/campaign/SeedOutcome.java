package io.detsim.replay.campaign;

import java.util.List;
import java.util.Optional;

/**
 * What one seed of a campaign did, in as few fields as a long campaign can keep in memory.
 *
 * @param ordinal the seed's position in this shard
 * @param seed the try's seed
 * @param failureKind the kind of violation, empty when the run passed or the seed was discarded
 * @param discarded true when no input could be generated from this seed (the property runner skips such tries)
 * @param simulatedNanos virtual time the run covered
 * @param digest the run's trace digest; 0 for a discarded seed
 * @param labels what the run reached, for {@link PointCoverage}; empty when it did not run to a verdict
 */
record SeedOutcome(long ordinal, long seed, Optional<String> failureKind, boolean discarded, long simulatedNanos,
    long digest, List<String> labels) {

  boolean failed() {
    return failureKind.isPresent();
  }
}
