package io.detsim.replay.campaign;

import java.util.Objects;

/**
 * A failing seed found by a campaign, before shrinking: enough to regenerate it, since the seed
 * alone regenerates the input ({@link TryInput#generate}).
 *
 * @param kind the kind of violation
 * @param ordinal the seed's position in its shard
 * @param seed the try's seed
 */
public record FoundFailure(String kind, long ordinal, long seed) {
  public FoundFailure {
    Objects.requireNonNull(kind, "kind");
  }
}
