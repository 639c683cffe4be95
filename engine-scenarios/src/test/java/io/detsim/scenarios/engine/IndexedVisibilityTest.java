package io.detsim.scenarios.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.detsim.engine.planted.EngineMutant;
import io.detsim.scenarios.engine.validate.Violation;
import java.util.EnumSet;
import org.junit.jupiter.api.Test;

/**
 * INDEXED promises "visible to recall", and the server checks a worker's report that a batch is
 * indexed against the space's index as the report arrives. A worker that reports its batch done one
 * step before it applies it loses nothing unless it dies in that step, so before the check only a
 * worker death at the right instant showed it (swarm's 48th seed); now the first report of a run
 * without a fault fails.
 */
class IndexedVisibilityTest {
  private static final ScenarioInput NO_FAULT = ScenarioInputText.parse("""
      [input]
      simulation seed: 0x1
      engine: 1 worker, queue default
      swarm: none
      loss: 0/1
      duplicate: 0/1
      reorder: 0/1
      torn writes: 0/1
      client client-0: 20 observations into space-0 at 500/s
      [schedule]
      # detsim fault schedule v1
      """, "no fault");

  @Test
  void aReportAheadOfTheInsert_failsAsItArrives_andTheCleanEnginePasses() {
    EngineScenario swarm = EngineScenarios.named("swarm").orElseThrow();

    RunResult clean = swarm.run(NO_FAULT, EnumSet.noneOf(EngineMutant.class));
    RunResult planted = swarm.run(NO_FAULT, EnumSet.of(EngineMutant.ACK_BEFORE_APPLY));

    assertThat(clean.violation()).as("clean engine").isEmpty();
    assertThat(planted.violation()).isPresent();
    Violation violation = planted.violation().get();
    assertThat(violation.kind()).isEqualTo(Violation.Kind.CRASH);
    assertThat(violation.message()).contains("reported").contains("indexed")
        .contains("its space's index does not hold its record");
  }
}
