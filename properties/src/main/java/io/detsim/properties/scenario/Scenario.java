package io.detsim.properties.scenario;

import io.detsim.engine.server.EngineMutant;
import io.detsim.properties.core.Gen;
import io.detsim.properties.core.Property;
import io.detsim.properties.core.Verdict;
import io.detsim.sim.trace.TraceEvent;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;

/**
 * A named scenario: a space of inputs (workload, fault model, engine shape) and the checks every run
 * of it must pass. Runnable by name; each try of a property is a fresh simulation.
 *
 * <p>Most scenarios draw their inputs from their model ({@link InputGenerator}); those that keep
 * the original design's fixed parameters (exact rates, sizes, periodic faults) bring their own
 * generator, and the model then supplies the fault window and the checks. A {@code nightly}
 * scenario takes minutes a run (ten virtual minutes, say): tools leave it out of quick runs.
 */
public record Scenario(String name, String description, ScenarioModel model, Gen<ScenarioInput> inputs,
    boolean nightly) {

  /** A scenario whose inputs are drawn from its model. */
  public Scenario(String name, String description, ScenarioModel model) {
    this(name, description, model, InputGenerator.of(model));
  }

  /** A scenario with its own generator, quick enough to run in every build. */
  public Scenario(String name, String description, ScenarioModel model, Gen<ScenarioInput> inputs) {
    this(name, description, model, inputs, false);
  }

  /** This scenario, marked as one whose every run takes minutes: nightly fuzzing, not CI or benches. */
  public Scenario asNightly() {
    return new Scenario(name, description, model, inputs, true);
  }

  /** Runs one input, with the given mutants switched into the engine. */
  public RunResult run(ScenarioInput input, Set<EngineMutant> mutants) {
    return ScenarioRunner.run(input, model, mutants, ScenarioRunner.Limits.standard(), null);
  }

  /** This scenario as a property: every generated run passes all checks. */
  public Property<ScenarioInput> property(Set<EngineMutant> mutants) {
    LastRun last = new LastRun(input -> run(input, mutants));
    return Property.<ScenarioInput>of(name, inputs(), input -> verdict(last.of(input)))
        .withLabels(input -> last.of(input).labels())
        .withOrigin(new Origin(this, mutants));
  }

  /** What a scenario property was made of: a failure file records both. */
  public record Origin(Scenario scenario, Set<EngineMutant> mutants) {
    public Origin {
      mutants = Collections.unmodifiableSet(mutants.isEmpty() ? EnumSet.noneOf(EngineMutant.class) : EnumSet.copyOf(mutants));
    }
  }

  /**
   * The runner asks for a try's verdict and then its labels; both come from one simulation. Keyed
   * by identity: a new try is a new input object, even when its value is equal.
   */
  private static final class LastRun {
    private final java.util.function.Function<ScenarioInput, RunResult> runner;
    private ScenarioInput input;
    private RunResult result;

    LastRun(java.util.function.Function<ScenarioInput, RunResult> runner) {
      this.runner = runner;
    }

    RunResult of(ScenarioInput next) {
      if (next != input) {
        input = next;
        result = runner.apply(next);
      }
      return result;
    }
  }

  private static Verdict verdict(RunResult result) {
    if (result.passed()) {
      return Verdict.pass();
    }
    StringBuilder message = new StringBuilder(result.violation().get().toString());
    message.append(String.format("%ntrace digest 0x%016x; the last %d trace events before it was detected:",
        result.digest(), result.lastEvents().size()));
    for (TraceEvent event : result.lastEvents()) {
      message.append(String.format("%n  %12.6fs %-18s %-10s%s%s", event.timeNanos() / 1e9, event.node(), event.kind(),
          event.peer() == null ? "" : " " + event.peer(), event.detail() == null ? "" : " " + event.detail()));
    }
    return Verdict.fail(result.violation().get().kind().name(), message.toString());
  }
}
