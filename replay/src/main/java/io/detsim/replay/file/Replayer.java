package io.detsim.replay.file;

import io.detsim.properties.core.PropertyRunner;
import io.detsim.properties.scenario.RunSettings;
import io.detsim.properties.scenario.Scenario;
import io.detsim.properties.scenario.ScenarioCatalogue;
import io.detsim.properties.scenario.ScenarioRun;
import io.detsim.properties.scenario.TextLines;
import io.detsim.sim.trace.TraceSink;
import java.util.Optional;
import java.util.Set;

/**
 * Re-runs a failure file's input exactly as written and says whether the recorded failure came
 * back. The input, not the choice sequence, is what runs: a person may have edited it, and the edit
 * is what they want to see. A scenario without a text form has no written input: its choices run.
 */
public final class Replayer {
  private Replayer() {}

  /** {@link #replay(FailureFile, ScenarioCatalogue, TraceSink)} with the scenarios on the class path. */
  public static ReplayOutcome replay(FailureFile file, TraceSink extraSink) {
    return replay(file, FailureFiles.classPathScenarios(), extraSink);
  }

  /** {@link #replayWithoutMutants(FailureFile, ScenarioCatalogue, TraceSink)} with the scenarios on the class path. */
  public static ReplayOutcome replayWithoutMutants(FailureFile file, TraceSink extraSink) {
    return replayWithoutMutants(file, FailureFiles.classPathScenarios(), extraSink);
  }

  /**
   * Runs the file with the planted bugs it recorded switched on: the run that was recorded.
   *
   * @param extraSink receives every trace event of the run; {@code null} for none
   */
  public static ReplayOutcome replay(FailureFile file, ScenarioCatalogue catalogue, TraceSink extraSink) {
    return replay(file, catalogue, file.plantedBugs(), extraSink, TextLines.DEFAULT_MAX_SIMULATED_NANOS);
  }

  /**
   * {@link #replay(FailureFile, ScenarioCatalogue, TraceSink)} with a bound on the run's virtual time.
   *
   * @throws io.detsim.properties.scenario.RunStoppedException when the run passes the bound
   */
  public static ReplayOutcome replay(FailureFile file, ScenarioCatalogue catalogue, TraceSink extraSink,
      long maxSimulatedNanos) {
    return replay(file, catalogue, file.plantedBugs(), extraSink, maxSimulatedNanos);
  }

  /**
   * Runs the file against the real system, no planted bug switched on: what a regression test asks,
   * since the bug a mutant planted must stay caught and the system itself must pass.
   */
  public static ReplayOutcome replayWithoutMutants(FailureFile file, ScenarioCatalogue catalogue, TraceSink extraSink) {
    return replay(file, catalogue, Set.of(), extraSink, TextLines.DEFAULT_MAX_SIMULATED_NANOS);
  }

  private static ReplayOutcome replay(FailureFile file, ScenarioCatalogue catalogue, Set<String> bugs,
      TraceSink extraSink, long maxSimulatedNanos) {
    Scenario<?> scenario = catalogue.named(file.scenario())
        .orElseThrow(() -> new IllegalArgumentException("unknown scenario '" + file.scenario() + "'"));
    RunSettings settings = RunSettings.plain().withPlantedBugs(bugs).withMaxSimulatedNanos(maxSimulatedNanos);
    if (extraSink != null) {
      settings = settings.withTrace(extraSink);
    }
    ScenarioRun now = run(scenario, file.input(), file, settings);
    return new ReplayOutcome(file, now, ReplayOutcome.compare(file, now));
  }

  @SuppressWarnings("unchecked") // a written input was parsed by this scenario's own text form
  private static <I> ScenarioRun run(Scenario<I> scenario, Optional<Object> written, FailureFile file,
      RunSettings settings) {
    I input = written.isPresent() ? (I) written.get() : regenerate(scenario, file);
    return scenario.run(input, settings);
  }

  private static <I> I regenerate(Scenario<I> scenario, FailureFile file) {
    return PropertyRunner.regenerate(scenario.inputs(), file.choices());
  }
}
