package io.detsim.scenarios.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.detsim.engine.planted.EngineMutant;
import io.detsim.scenarios.engine.validate.Violation;
import java.util.EnumSet;
import org.junit.jupiter.api.Test;

/**
 * {@link CrashNowCheck} at each ACCEPTED: a server that answers a retransmission ACCEPTED while the
 * original still waits for its sync is caught when the answer goes out. Nothing is lost in this run
 * (the original's own sync follows within milliseconds), and no check at a transition point sees
 * it: the server's own bookkeeping does not count the original durable, only its answer claims so.
 * Before the check, swarm first caught this bug at its 226th seed.
 */
class AcceptedDurabilityTest {
  /** A crash at 5 ms and a restart: the client then retransmits what it has not had answered. */
  private static final ScenarioInput RETRANSMISSIONS_AFTER_A_RESTART = ScenarioInputText.parse("""
      [input]
      simulation seed: 0x1
      engine: 1 worker, queue default
      swarm: CRASH
      loss: 0/1
      duplicate: 0/1
      reorder: 0/1
      torn writes: 0/1
      client client-0: 12 observations into space-0 at 500/s, mixed priorities, recall probe
      [schedule]
      # detsim fault schedule v1
      5ms crash server
      6ms restart server
      """, "retransmissions");

  @Test
  void anAcceptedForAnObservationNotYetDurable_failsWhenItGoesOut_andTheCleanEnginePasses() {
    EngineScenario swarm = EngineScenarios.named("swarm").orElseThrow();

    RunResult clean = swarm.run(RETRANSMISSIONS_AFTER_A_RESTART, EnumSet.noneOf(EngineMutant.class));
    RunResult planted = swarm.run(RETRANSMISSIONS_AFTER_A_RESTART, EnumSet.of(EngineMutant.DUPLICATE_ACKED_IN_FLIGHT));

    assertThat(clean.violation()).as("clean engine").isEmpty();
    assertThat(planted.violation()).isPresent();
    Violation violation = planted.violation().get();
    assertThat(violation.kind()).isEqualTo(Violation.Kind.DATA_LOSS);
    assertThat(violation.message()).startsWith("ACCEPTED client-0-").contains("went out while a crash would lose it");
    assertThat(violation.evidence()).hasSize(1);
  }
}
