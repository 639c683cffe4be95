package io.detsim.scenarios.engine;

import io.detsim.properties.scenario.Swarm;
import static org.assertj.core.api.Assertions.assertThat;

import io.detsim.sim.fault.Fault;
import io.detsim.sim.fault.FaultKind;
import io.detsim.sim.fault.FaultSchedule;
import io.detsim.sim.fault.ScheduledFault;
import io.detsim.sim.port.Ratio;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * A scenario's client must be limited by the engine, never by its own window: a window smaller
 * than the rate times the acknowledgement round trip made sustained_10min's client fall behind its
 * schedule and fail the liveness bound (issue #13).
 */
class ClientWindowTest {
  private static final long MS = 1_000_000L;
  private static final long SECOND = 1_000 * MS;

  @Test
  void window_coversHalfASecondOfTheRate_asAPowerOfTwo_from64To1024() {
    assertThat(ScenarioRunner.windowFor(1)).isEqualTo(64);
    assertThat(ScenarioRunner.windowFor(500)).isEqualTo(256);
    assertThat(ScenarioRunner.windowFor(1_000)).isEqualTo(512);
    assertThat(ScenarioRunner.windowFor(1_024)).isEqualTo(512);
    assertThat(ScenarioRunner.windowFor(1_026)).isEqualTo(1_024);
    assertThat(ScenarioRunner.windowFor(100_000)).isEqualTo(1_024);
  }

  /** In virtual time: 5,000 at 1,000/s under 0-100 ms delays and 1 % loss are all answered by 6 s. */
  @Test
  void aClientAtTheSustainedRate_underDelaysAndLoss_keepsItsRate() {
    ScenarioModel model = ScenarioModel.swarm().withEligible(EnumSet.of(FaultKind.DELAY, FaultKind.LOSS))
        .withFaultWindow(5 * SECOND, 1);
    ScenarioInput input = new ScenarioInput(0x5EED, new ScenarioInput.EngineShape(4, 0),
        new Swarm(EnumSet.of(FaultKind.DELAY, FaultKind.LOSS), Ratio.of(1, 100), Ratio.NEVER,
            Ratio.NEVER, Ratio.NEVER),
        List.of(new ScenarioInput.ClientSpec("client-0", "space-0", 5_000, 1_000, false, false)),
        FaultSchedule.of(List.of(new ScheduledFault(0, new Fault.Delay(0, 100 * MS)))));

    RunResult result = ScenarioRunner.run(input, model, Set.of(), ScenarioRunner.Limits.standard(), null);

    assertThat(result.violations()).isEmpty();
    assertThat(result.stats().totalAcked()).isEqualTo(5_000);
    // The liveness phase ends as soon as every observation is answered; a 64-wide window needed
    // about 11 s here (455/s).
    assertThat(result.simulatedNanos()).isLessThan(6 * SECOND);
  }
}
