package io.detsim.replay.campaign;

import io.detsim.properties.core.ChoiceSequence;
import io.detsim.properties.core.PropertyRunner;
import io.detsim.properties.scenario.Scenario;
import io.detsim.properties.scenario.ScenarioInput;
import java.util.Objects;

/**
 * The input of one random try, regenerated from the try's seed exactly as
 * {@link PropertyRunner} draws it ({@link PropertyRunner#generateTry}: a random choice source over
 * {@code Xoshiro256(seed)}). This is what makes a seed printed by {@code detsim fuzz} mean the same
 * run to {@code detsim run --seed}.
 *
 * @param seed the try's seed
 * @param input the generated scenario input
 * @param choices the choices generation consumed: what a failure file records and the shrinker edits
 */
public record TryInput(long seed, ScenarioInput input, ChoiceSequence choices) {

  public TryInput {
    Objects.requireNonNull(input, "input");
    Objects.requireNonNull(choices, "choices");
  }

  /**
   * Generates the input of the try with {@code seed}.
   *
   * @throws io.detsim.properties.core.GenerationException when the generator cannot make an input
   *     from this seed (the property runner discards such a try)
   */
  public static TryInput generate(Scenario scenario, long seed) {
    PropertyRunner.GeneratedTry<ScenarioInput> generated = PropertyRunner.generateTry(scenario.inputs(), seed);
    return new TryInput(seed, generated.value(), generated.choices());
  }
}
