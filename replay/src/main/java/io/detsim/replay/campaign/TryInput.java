package io.detsim.replay.campaign;

import io.detsim.properties.core.ChoiceSequence;
import io.detsim.properties.core.PropertyRunner;
import io.detsim.properties.scenario.RunSettings;
import io.detsim.properties.scenario.Scenario;
import io.detsim.properties.scenario.ScenarioRun;
import java.util.Objects;

/**
 * The input of one random try, regenerated from the try's seed exactly as
 * {@link PropertyRunner} draws it ({@link PropertyRunner#generateTry}: a random choice source over
 * {@code Xoshiro256(seed)}). This is what makes a seed printed by {@code detsim fuzz} mean the same
 * run to {@code detsim run --seed}.
 *
 * @param scenario the scenario whose generator made the input
 * @param seed the try's seed
 * @param input the generated input, of the scenario's input type
 * @param choices the choices generation consumed: what a failure file records and the shrinker edits
 */
public record TryInput(Scenario<?> scenario, long seed, Object input, ChoiceSequence choices) {

  public TryInput {
    Objects.requireNonNull(scenario, "scenario");
    Objects.requireNonNull(input, "input");
    Objects.requireNonNull(choices, "choices");
  }

  /**
   * Generates the input of the try with {@code seed}.
   *
   * @throws io.detsim.properties.core.GenerationException when the generator cannot make an input
   *     from this seed (the property runner discards such a try)
   */
  public static TryInput generate(Scenario<?> scenario, long seed) {
    PropertyRunner.GeneratedTry<?> generated = PropertyRunner.generateTry(scenario.inputs(), seed);
    return new TryInput(scenario, seed, generated.value(), generated.choices());
  }

  /** Runs this input through its scenario. */
  public ScenarioRun run(RunSettings settings) {
    return run(scenario, input, settings);
  }

  /** Runs {@code input}, made by {@code scenario}'s generator or text form, through {@code scenario}. */
  @SuppressWarnings("unchecked") // every caller's input comes from this scenario
  public static <I> ScenarioRun run(Scenario<I> scenario, Object input, RunSettings settings) {
    return scenario.run((I) input, settings);
  }
}
