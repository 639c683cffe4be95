package io.detsim.replay.file;

import io.detsim.properties.scenario.Swarm;
import static org.assertj.core.api.Assertions.assertThat;

import io.detsim.engine.planted.EngineMutant;
import io.detsim.properties.core.PropertyConfig;
import io.detsim.properties.core.PropertyRunner;
import io.detsim.properties.scenario.RunSettings;
import io.detsim.scenarios.engine.RunResult;
import io.detsim.scenarios.engine.EngineScenario;
import io.detsim.scenarios.engine.ScenarioInput;
import io.detsim.scenarios.engine.ScenarioRunner;
import io.detsim.scenarios.engine.EngineScenarios;
import io.detsim.replay.corpus.CorpusSeeder;
import io.detsim.sim.fault.Fault;
import io.detsim.sim.fault.FaultKind;
import io.detsim.sim.fault.FaultSchedule;
import io.detsim.sim.port.NodeId;
import io.detsim.sim.port.Ratio;
import io.detsim.sim.trace.TraceEvent;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A failure file replays to the very run it recorded, here and in another JVM; an edited one runs as edited. */
class ReplayerTest {
  private static final EngineScenario SWARM = EngineScenarios.named("swarm").orElseThrow();
  private static final NodeId SERVER = NodeId.of("server");

  @Test
  void fuzzedMutantFailure_writtenAndReadBack_replaysAsReproduced_withTheSameDigest(@TempDir Path directory) {
    FailureFile found = CorpusSeeder.find(SWARM, EngineMutant.STEAL_SINGLE_ITEMS, 20, 400).orElseThrow();
    Path path = directory.resolve("steal-single-items.detsim");
    FailureFiles.write(path, found);
    FailureFile read = FailureFiles.read(path);
    assertThat(read).isEqualTo(found);

    List<TraceEvent> events = new ArrayList<>();
    ReplayOutcome outcome = Replayer.replay(read, events::add);
    assertThat(outcome.word()).as(outcome.summary()).isEqualTo(ReplayOutcome.Word.REPRODUCED);
    assertThat(outcome.now().digest()).isEqualTo(found.digest());
    assertThat(outcome.now().failure().get().kind()).isEqualTo(found.violation().kind());
    assertThat(events).as("the extra sink sees the run").isNotEmpty();
    assertThat(outcome.summary()).startsWith("REPRODUCED: SEQUENCE_VIOLATION at ");

    ReplayOutcome fixed = Replayer.replayWithoutMutants(read, null);
    assertThat(fixed.word()).as(fixed.summary()).isEqualTo(ReplayOutcome.Word.FIXED);
    assertThat(fixed.summary()).startsWith("FIXED: now passes (digest ");
  }

  @Test
  void choicesOfAFuzzedFailure_regenerateItsInput() {
    FailureFile found = CorpusSeeder.find(SWARM, EngineMutant.REVERSE_DEGREE_UNBOUNDED, 20, 400).orElseThrow();
    ScenarioInput regenerated = new PropertyRunner(PropertyConfig.defaults())
        .replay(SWARM.property(EnumSet.of(EngineMutant.REVERSE_DEGREE_UNBOUNDED)), found.choices()).failure()
        .orElseThrow().value();
    assertThat(found.input()).contains(regenerated);
  }

  @Test
  void freshJvm_replaysTheFile_toTheSameDigest(@TempDir Path directory) throws Exception {
    FailureFile found = CorpusSeeder.find(SWARM, EngineMutant.STEAL_SINGLE_ITEMS, 20, 400).orElseThrow();
    Path path = directory.resolve("fresh.detsim");
    FailureFiles.write(path, found);
    Process process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", System.getProperty("java.class.path"), ReplayMain.class.getName(), path.toString())
        .redirectErrorStream(true).redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null"))).start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
    assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(process.exitValue()).as(output).isZero();
    assertThat(output).isEqualTo("REPRODUCED " + FailureFiles.hex(found.digest()));
  }

  @Test
  void handEditedSchedule_runsAsWritten() {
    ScenarioInput input = crashAndRestartFailure();
    EnumSet<EngineMutant> mutants = EnumSet.of(EngineMutant.SESSION_STATE_NOT_RECOVERED);
    RunResult failing = SWARM.run(input, mutants);
    assertThat(failing.violation()).as("the recorded run fails").isPresent();
    FailureFile file = FailureFile.of(SWARM.name(), 0x0e49d524d3a854e5L, io.detsim.properties.core.ChoiceSequence.EMPTY,
        java.util.Optional.of(input), java.util.Set.of("session-state-not-recovered"),
        SWARM.run(input, RunSettings.plain().withPlantedBugs(java.util.Set.of("session-state-not-recovered"))), 64, 26);
    String text = FailureFiles.format(file);
    assertThat(Replayer.replay(FailureFiles.parse(text, "as-recorded"), null).word())
        .isEqualTo(ReplayOutcome.Word.REPRODUCED);

    // A person moves the crash later and deletes the restart (the heal at the end restarts the server).
    String edited = text.replace("12ms crash server\n", "40ms crash server\n").replace("13ms restart server\n", "");
    ScenarioInput expected = new ScenarioInput(input.simulationSeed(), input.engine(), input.swarm(), input.clients(),
        FaultSchedule.builder().at(40_000_000L, new Fault.Crash(SERVER)).build());
    FailureFile read = FailureFiles.parse(edited, "edited");
    assertThat(read.input()).contains(expected);

    ReplayOutcome outcome = Replayer.replay(read, null);
    RunResult direct = ScenarioRunner.run(expected, SWARM.model(), mutants, ScenarioRunner.Limits.standard(), null);
    assertThat(outcome.now().digest()).isEqualTo(direct.digest()).isNotEqualTo(failing.digest());
    assertThat(outcome.now().failure().map(failure -> failure.kind()))
        .isEqualTo(direct.violation().map(violation -> violation.kind().name()));
    assertThat(outcome.word()).isNotEqualTo(ReplayOutcome.Word.REPRODUCED);
  }

  /**
   * A crash at 12 ms and a restart at 13 ms: with SESSION_STATE_NOT_RECOVERED the restarted server
   * forgets the session's state. (Not ACK_BEFORE_SYNC: its always-on check now stops the run at the
   * first acknowledgement, whatever the schedule says, so an edit would change nothing.)
   */
  private static ScenarioInput crashAndRestartFailure() {
    return new ScenarioInput(0, new ScenarioInput.EngineShape(1, 0),
        new Swarm(EnumSet.of(FaultKind.CRASH, FaultKind.LOSS), Ratio.of(1, 500), Ratio.NEVER,
            Ratio.NEVER, Ratio.NEVER),
        List.of(new ScenarioInput.ClientSpec("client-0", "space-0", 50, 500, false, false)),
        FaultSchedule.builder().at(12_000_000L, new Fault.Crash(SERVER)).at(13_000_000L, new Fault.Restart(SERVER))
            .build());
  }
}
