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
 * Shrinks a failing choice sequence with the property core's shrinker, then, when the scenario has a
 * text form, the input those choices generate through it ({@link TextShrinker}): the choices shrink
 * what the generator decides (which faults, how many), the text what it fixes (how many observations,
 * how fast, how big a burst), which no choice reaches. Each stage is bounded by a count of attempts
 * (never by time, so one failure shrinks to the same result on every machine). The result records
 * the last failing run: its digest and violation.
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
    I input = failure.value();
    ScenarioRun run = scenario.run(input, settings);
    if (scenario.text().isPresent() && maxAttempts > 0) {
      TextShrinker.Shrunk text = TextShrinker.shrink(scenario, input, settings, failure.kind(), maxAttempts);
      input = castTo(text.input());
      run = text.failingRun();
    }
    return new ShrunkFailure(scenario, seed, failure.shrunk(), input, mutants, run, choices.size(), failure.shrunkSize());
  }

  @SuppressWarnings("unchecked") // TextShrinker parsed it with this scenario's own text form
  private static <I> I castTo(Object input) {
    return (I) input;
  }
}
