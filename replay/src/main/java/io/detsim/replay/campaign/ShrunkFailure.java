package io.detsim.replay.campaign;

import io.detsim.properties.core.ChoiceSequence;
import io.detsim.properties.scenario.ScenarioRun;
import io.detsim.properties.scenario.Scenario;
import java.util.Set;

/**
 * A campaign's failure after shrinking, with everything a failure file records.
 *
 * @param scenario the scenario that failed
 * @param seed the seed of the try that first failed
 * @param choices the shrunk choice sequence
 * @param input the input {@code choices} generate, shrunk further through the scenario's text form
 *     when it has one ({@link FailureShrinker}): what a failure file writes and replays
 * @param mutants the engine mutants of the run
 * @param failingRun the run of {@code input}: its violation, digest and last events
 * @param originalSize choices of the failing try as found
 * @param shrunkSize choices after shrinking
 */
public record ShrunkFailure(Scenario<?> scenario, long seed, ChoiceSequence choices, Object input,
    Set<String> mutants, ScenarioRun failingRun, int originalSize, int shrunkSize) {}
