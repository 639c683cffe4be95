package io.detsim.scenarios.engine;

import io.detsim.properties.scenario.Swarm;
import static org.assertj.core.api.Assertions.assertThat;

import io.detsim.properties.scenario.RunSettings;
import io.detsim.properties.scenario.ScenarioRun;
import io.detsim.sim.fault.FaultKind;
import io.detsim.sim.fault.FaultSchedule;
import io.detsim.sim.port.Ratio;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * An exception thrown inside the engine's run is a CRASH failure that keeps the exception itself
 * as its cause, so the report shows where it was thrown, not only its message.
 */
class ThrownCauseTest {

  @Test
  void anExceptionInTheRun_isTheFailuresCause_withItsStackTrace() {
    EngineScenario swarm = EngineScenarios.named("swarm").orElseThrow();
    ScenarioInput input = new ScenarioInput(1L, new ScenarioInput.EngineShape(1, 400),
        new Swarm(EnumSet.noneOf(FaultKind.class), Ratio.NEVER, Ratio.NEVER, Ratio.NEVER, Ratio.NEVER),
        List.of(new ScenarioInput.ClientSpec("client-a", "space-a", 10, 100, false, false)), FaultSchedule.empty());
    IllegalStateException boom = new IllegalStateException("boom at the 100th event");
    int[] events = {0};

    ScenarioRun run = swarm.run(input, RunSettings.plain().withTrace(event -> {
      if (++events[0] == 100) {
        throw boom;
      }
    }));

    assertThat(run.failure()).isPresent();
    ScenarioRun.Failure failure = run.failure().orElseThrow();
    assertThat(failure.kind()).isEqualTo("CRASH");
    assertThat(failure.message()).contains("IllegalStateException: boom at the 100th event");
    assertThat(failure.cause()).containsSame(boom);
    assertThat(failure.cause().orElseThrow().getStackTrace()).as("the stack trace is the throw's, kept whole").isNotEmpty();
  }
}
