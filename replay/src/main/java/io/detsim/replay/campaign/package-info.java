/**
 * Fuzzing campaigns: a scenario over many seeds on several threads, with a result that does not
 * depend on the number of threads, sharding across machines, checkpoints to resume a killed run,
 * and shrinking of what failed.
 *
 * <pre>
 * CampaignPlan plan = new CampaignPlan(catalogue.named("swarm").orElseThrow(), Set.of(), 0L, Shard.ALL,
 *     1_000, 2, false, 400, Path.of("target/detsim-failures"));
 * Checkpoint done = new Campaign(plan, Tally.empty(), writer, new CampaignListener() {}).run(OptionalLong.empty());
 * </pre>
 *
 * <p>{@link io.detsim.replay.campaign.TryInput} regenerates a try from its seed as the property
 * runner does; {@link io.detsim.replay.campaign.FailureShrinker} shrinks a failing choice sequence
 * with a bounded number of attempts. Wall-clock time is read only for deadlines and figures, never by
 * a simulation.
 */
package io.detsim.replay.campaign;
