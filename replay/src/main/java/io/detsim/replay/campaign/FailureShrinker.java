package io.detsim.replay.campaign;

import io.detsim.properties.core.ChoiceSequence;
import io.detsim.properties.core.PropertyConfig;
import io.detsim.properties.core.PropertyResult;
import io.detsim.properties.core.PropertyRunner;
import io.detsim.properties.scenario.RunSettings;
import io.detsim.properties.scenario.Scenario;
import io.detsim.properties.scenario.ScenarioProperty;
import io.detsim.properties.scenario.ScenarioRun;
import java.util.Locale;
import java.util.Set;

/**
 * Shrinks a failing choice sequence with the property core's shrinker, bounded by a count of
 * attempts (never by time, so one failure shrinks to the same result on every machine), and runs
 * the shrunk input once more for what a failure file records: its digest and violation.
 */
public final class FailureShrinker {
  private FailureShrinker() {}

  /**
   * Shrinks {@code choices}, which must fail with a violation of {@code kind} ({@code null}: of any kind).
   *
   * @throws IllegalStateException when the choices no longer fail that way: the code under test
   *     changed, or a run is not deterministic
   */
  public static ShrunkFailure shrink(Scenario<?> scenario, Set<String> mutants, long seed, ChoiceSequence choices,
      String kind, int maxAttempts) {
    return shrinkTyped(scenario, mutants, seed, choices, kind, maxAttempts);
  }

  private static <I> ShrunkFailure shrinkTyped(Scenario<I> scenario, Set<String> mutants, long seed,
      ChoiceSequence choices, String kind, int maxAttempts) {
    PropertyRunner runner = new PropertyRunner(PropertyConfig.defaults().withMaxShrinkAttempts(maxAttempts));
    RunSettings settings = RunSettings.plain().withPlantedBugs(mutants);
    PropertyResult<I> result = runner.shrink(ScenarioProperty.of(scenario, settings), choices);
    PropertyResult.Failure<I> failure = result.failure().orElseThrow(() -> new IllegalStateException(
        String.format(Locale.ROOT, "the choices of seed 0x%016x of %s%s pass when run again", seed, scenario.name(),
            kind == null ? "" : ", which failed with " + kind + ",")));
    if (kind != null && !failure.kind().equals(kind)) {
      throw new IllegalStateException(String.format(Locale.ROOT,
          "seed 0x%016x of %s failed with %s, but fails with %s when run again", seed, scenario.name(), kind,
          failure.kind()));
    }
    ScenarioRun run = scenario.run(failure.value(), settings);
    return new ShrunkFailure(scenario, seed, failure.shrunk(), failure.value(), mutants, run,
        choices.size(), failure.shrunkSize());
  }
}
