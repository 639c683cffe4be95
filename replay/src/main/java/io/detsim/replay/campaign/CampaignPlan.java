package io.detsim.replay.campaign;

import io.detsim.properties.scenario.Scenario;
import java.nio.file.Path;
import java.util.Collections;
import java.util.TreeSet;
import java.util.Objects;
import java.util.Set;

/**
 * What a fuzzing campaign runs: which scenario with which engine mutants, from which start seed,
 * which share of the seed indices, how many seeds at most, and what to do with failures.
 *
 * <p>Seed index {@code i} of a campaign is the property runner's try {@code i}: its seed is
 * {@code PropertyRunner.seedOfTry(startSeed, i)}. A shard runs the indices {@link Shard#seedIndex}
 * gives for ordinals 0, 1, 2, ...; {@code seedLimit} counts this shard's seeds.
 *
 * @param scenario the scenario fuzzed
 * @param mutants the scenario's planted bugs switched on in every run
 * @param startSeed the campaign's start seed
 * @param shard this machine's share of the seed indices
 * @param seedLimit the most seeds this shard runs; {@link Long#MAX_VALUE} for no limit (a deadline then ends it)
 * @param jobs simulations run at once, one per thread
 * @param keepGoing false: stop at the first failure; true: run every seed, keep the first failure of each kind
 * @param shrinkAttempts the shrinker's budget per failure
 * @param corpus the folder for failure files, the checkpoint and the summary
 */
public record CampaignPlan(Scenario<?> scenario, Set<String> mutants, long startSeed, Shard shard, long seedLimit,
    int jobs, boolean keepGoing, int shrinkAttempts, Path corpus) {

  public CampaignPlan {
    Objects.requireNonNull(scenario, "scenario");
    Objects.requireNonNull(shard, "shard");
    Objects.requireNonNull(corpus, "corpus");
    mutants = Collections.unmodifiableSortedSet(new TreeSet<>(mutants));
    if (seedLimit < 0 || jobs < 1 || shrinkAttempts < 0) {
      throw new IllegalArgumentException("a campaign needs seedLimit >= 0, jobs >= 1, shrinkAttempts >= 0: "
          + seedLimit + ", " + jobs + ", " + shrinkAttempts);
    }
  }

  /** The seed of this shard's {@code ordinal}-th try. */
  public long seedOf(long ordinal) {
    return io.detsim.properties.core.PropertyRunner.seedOfTry(startSeed, shard.seedIndex(ordinal));
  }

  public CampaignPlan withSeedLimit(long newSeedLimit) {
    return new CampaignPlan(scenario, mutants, startSeed, shard, newSeedLimit, jobs, keepGoing, shrinkAttempts, corpus);
  }
}
