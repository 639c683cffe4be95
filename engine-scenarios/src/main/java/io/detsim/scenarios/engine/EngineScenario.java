package io.detsim.scenarios.engine;

import io.detsim.engine.planted.EngineMutant;
import io.detsim.properties.core.Gen;
import io.detsim.properties.core.Property;
import io.detsim.properties.scenario.InputText;
import io.detsim.properties.scenario.PlantedBug;
import io.detsim.properties.scenario.RunSettings;
import io.detsim.properties.scenario.Scenario;
import io.detsim.properties.scenario.ScenarioProperty;
import io.detsim.properties.scenario.ScenarioRun;
import io.detsim.scenarios.engine.validate.Violation;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A named scenario of the streaming engine: a space of inputs (workload, fault model, engine shape)
 * and the checks every run of it must pass. The engine's scenarios reach detsim's tools through
 * the same extension point as any user's ({@link Scenario}, registered by {@link EngineScenarios}).
 *
 * <p>Most scenarios draw their inputs from their model ({@link InputGenerator}); those that keep
 * the original design's fixed parameters (exact rates, sizes, periodic faults) bring their own
 * generator, and the model then supplies the fault window and the checks. A {@code nightly}
 * scenario takes minutes a run (ten virtual minutes, say): tools leave it out of quick runs.
 */
public record EngineScenario(String name, String description, ScenarioModel model, Gen<ScenarioInput> inputs,
    boolean nightly) implements Scenario<ScenarioInput> {

  /** How much of each further violation's message a failure repeats after its own. */
  private static final int ALSO_CHARS = 160;

  /** The engine's planted bugs, by their names on the command line. */
  private static final List<PlantedBug> PLANTED = Arrays.stream(EngineMutant.values())
      .map(mutant -> new PlantedBug(mutant.cliName(), mutant.description())).toList();

  /** A scenario whose inputs are drawn from its model. */
  public EngineScenario(String name, String description, ScenarioModel model) {
    this(name, description, model, InputGenerator.of(model));
  }

  /** A scenario with its own generator, quick enough to run in every build. */
  public EngineScenario(String name, String description, ScenarioModel model, Gen<ScenarioInput> inputs) {
    this(name, description, model, inputs, false);
  }

  /** This scenario, marked as one whose every run takes minutes: nightly fuzzing, not CI or benches. */
  public EngineScenario asNightly() {
    return new EngineScenario(name, description, model, inputs, true);
  }

  @Override
  public ScenarioRun run(ScenarioInput input, RunSettings settings) {
    RunResult result = ScenarioRunner.run(input, model, settings.planted(EngineMutant.class),
        ScenarioRunner.Limits.standard(), settings.trace().orElse(null), settings);
    return new ScenarioRun(result.violation().map(most -> failure(most, result.violations())), result.digest(), result.simulatedNanos(),
        result.lastEvents(), result.labels(), input.schedule().entries());
  }

  @Override
  public Optional<InputText<ScenarioInput>> text() {
    return Optional.of(ScenarioInputText.CODEC);
  }

  @Override
  public List<PlantedBug> plantedBugs() {
    return PLANTED;
  }

  /** Runs one input with the given mutants switched into the engine, with the engine's own account of it. */
  public RunResult run(ScenarioInput input, Set<EngineMutant> mutants) {
    return ScenarioRunner.run(input, model, mutants, ScenarioRunner.Limits.standard(), null);
  }

  /** This scenario as a property: every generated run passes all checks. */
  public Property<ScenarioInput> property(Set<EngineMutant> mutants) {
    return ScenarioProperty.of(this, RunSettings.plain().withPlantedBugs(
        mutants.stream().map(EngineMutant::cliName).collect(Collectors.toSet())));
  }

  /** The most severe violation, naming the others the run also broke after it. */
  private static ScenarioRun.Failure failure(Violation most, List<Violation> all) {
    StringBuilder message = new StringBuilder(most.message());
    List<Violation> others = all.subList(1, all.size());
    if (!others.isEmpty()) {
      message.append(" (also violated: ");
      for (int i = 0; i < others.size(); i++) {
        Violation other = others.get(i);
        String text = other.message().length() > ALSO_CHARS ? other.message().substring(0, ALSO_CHARS) + "..." : other.message();
        message.append(i == 0 ? "" : "; ").append(other.kind()).append(": ").append(text);
      }
      message.append(')');
    }
    return new ScenarioRun.Failure(most.kind().name(), most.atNanos(), message.toString(), most.cause());
  }
}
