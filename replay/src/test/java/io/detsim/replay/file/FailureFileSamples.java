package io.detsim.replay.file;

import io.detsim.properties.scenario.Swarm;
import io.detsim.properties.core.ChoiceSequence;
import io.detsim.scenarios.engine.ScenarioInput;
import io.detsim.sim.fault.Fault;
import io.detsim.sim.fault.FaultKind;
import io.detsim.sim.fault.FaultSchedule;
import io.detsim.sim.port.NodeId;
import io.detsim.sim.port.Ratio;
import java.util.EnumSet;
import java.util.List;

/** Hand-made failure files for tests that need a known text, line for line. */
final class FailureFileSamples {
  private FailureFileSamples() {}

  /**
   * A file whose lines are, by number: 2 format, 3 detsim, 4 scenario, 5 seed, 6 mutants, 7 violation,
   * 8 digest, 9 size, 10 choices, 11 [input], 12 simulation seed, 13 engine, 14 swarm, 15 loss,
   * 16 duplicate, 17 reorder, 18 torn writes, 19 client, 20 [schedule], 21 its header, 22 crash, 23 restart.
   */
  static FailureFile sample() {
    NodeId server = NodeId.of("server");
    ScenarioInput input = new ScenarioInput(0x5f3a1L, new ScenarioInput.EngineShape(2, 0),
        new Swarm(EnumSet.of(FaultKind.CRASH, FaultKind.LOSS), Ratio.of(1, 250), Ratio.NEVER,
            Ratio.NEVER, Ratio.NEVER),
        List.of(new ScenarioInput.ClientSpec("client-0", "space-0", 50, 500, true, false)),
        FaultSchedule.builder().at(12_000_000L, new Fault.Crash(server)).at(13_000_000L, new Fault.Restart(server))
            .build());
    return new FailureFile(1, "dev", "swarm", 0x0e49d524d3a854e5L, ChoiceSequence.of(0, 1, 0, 12),
        java.util.Optional.of(input), java.util.Set.of("ack-before-sync"),
        new FailureFile.RecordedViolation("SILENT_DROP", 32_000_000_000L,
            "47 observations neither ACCEPTED nor REJECTED"),
        0x61e086cc04301834L, 64, 26);
  }

  static String sampleText() {
    return FailureFiles.format(sample());
  }
}
