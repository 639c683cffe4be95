package io.detsim.replay.file;

import io.detsim.engine.server.EngineMutant;
import io.detsim.properties.scenario.RunResult;
import io.detsim.properties.scenario.Scenario;
import io.detsim.properties.scenario.ScenarioRunner;
import io.detsim.properties.scenario.Scenarios;
import io.detsim.sim.trace.TraceSink;
import java.util.EnumSet;
import java.util.Set;

/**
 * Re-runs a failure file's input exactly as written, with the scenario's model and standard limits,
 * and says whether the recorded failure came back. The input, not the choice sequence, is what runs:
 * a person may have edited it, and the edit is what they want to see.
 */
public final class Replayer {
  private Replayer() {}

  /**
   * Runs the file with the mutants it recorded switched in: the run that was recorded.
   *
   * @param extraSink receives every trace event of the run; {@code null} for none
   */
  public static ReplayOutcome replay(FailureFile file, TraceSink extraSink) {
    return replay(file, file.mutants(), extraSink);
  }

  /**
   * Runs the file against the real engine, no mutant switched in: what a regression test asks, since
   * the bug a mutant planted must stay caught and the engine itself must pass.
   */
  public static ReplayOutcome replayWithoutMutants(FailureFile file, TraceSink extraSink) {
    return replay(file, EnumSet.noneOf(EngineMutant.class), extraSink);
  }

  private static ReplayOutcome replay(FailureFile file, Set<EngineMutant> mutants, TraceSink extraSink) {
    Scenario scenario = Scenarios.named(file.scenario())
        .orElseThrow(() -> new IllegalArgumentException("unknown scenario '" + file.scenario() + "'"));
    RunResult now = ScenarioRunner.run(file.input(), scenario.model(), mutants, ScenarioRunner.Limits.standard(),
        extraSink);
    return new ReplayOutcome(file, now, ReplayOutcome.compare(file, now));
  }
}
