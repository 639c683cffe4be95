package io.detsim.properties.scenario;

import io.detsim.properties.core.Gen;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The extension point: a named space of inputs for a system under test, and one simulated run per
 * input that ends in a verdict. Implement it once, register it through a {@link ScenarioProvider},
 * and every tool works on it as on detsim's own engine: {@code @SimProperty}, the command line's
 * {@code run}, {@code fuzz}, {@code replay}, {@code shrink} and {@code check-determinism}, failure
 * files, traces, timelines and the corpus engine.
 *
 * <p>A run must be a function of its input and settings alone: it builds a fresh simulation
 * seeded from the input, runs it, and judges it. The input is generated from choices
 * ({@link #inputs()}), so that it replays and shrinks; the fault schedule is part of it, and so is
 * anything else that decides the run (a generator's setting belongs in the scenario, not in a
 * system property, or a failure file would not say it).
 *
 * @param <I> the input of one run: workload, fault schedule, the system's shape
 */
public interface Scenario<I> {

  /** The name the command line and failure files use: lower case, digits, {@code _} and {@code -}. */
  String name();

  /** One line on what a run does and checks, for {@code detsim scenarios}. */
  String description();

  /** Generates an input from choices; what the fuzzer draws and the shrinker edits. */
  Gen<I> inputs();

  /** Runs one input to its verdict. */
  ScenarioRun run(I input, RunSettings settings);

  /**
   * The input's text form, for failure files that a person reads, edits and replays as written.
   * Without one a failure file still records the scenario, the choices (which regenerate the
   * input), the digest and the violation.
   */
  default Optional<InputText<I>> text() {
    return Optional.empty();
  }

  /** The bugs this scenario can plant in its system on purpose ({@link RunSettings#plantedBugs()}). */
  default List<PlantedBug> plantedBugs() {
    return List.of();
  }

  /**
   * Why this scenario reaches some of its transition points rarely, or never under a crash, when
   * that is its design rather than chance, and where a campaign meets them instead; by point name.
   * A campaign's report prints the note beside such a point, so that a blind spot the scenario chose
   * is told apart from one nobody knew of. None by default.
   */
  default Map<String, String> pointNotes() {
    return Map.of();
  }

  /** True for a scenario whose every run takes minutes: quick campaigns and benches leave it out. */
  default boolean nightly() {
    return false;
  }
}
