package io.detsim.scenarios.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.detsim.engine.planted.EngineMutant;
import io.detsim.properties.scenario.RunLabels;
import io.detsim.scenarios.engine.validate.Violation;
import java.util.EnumSet;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The planted bugs of the transition-window kind: each loses nothing without a fault, and a crash
 * aimed at its transition (a v2 schedule entry) loses acknowledged observations, while the clean
 * engine passes the very same input. Without a fault, {@link CrashNowCheck} finds each at its window. BUGGIFY is on so that {@code EARLY_COMPACTION} can compact a
 * 1,000-observation run: simulation seed 0x2 is one where that site is enabled.
 */
class TransitionMutantsTest {
  static Stream<Arguments> aimedInputs() {
    String atSnapshotWritten = "snapshot-written@1+0ms crash server\nsnapshot-written@1+20ms restart server\n";
    return Stream.of(
        Arguments.of(EngineMutant.COMPACTION_DELETES_EARLY, 2L,
            "compaction-start@1+0ms crash server\ncompaction-start@1+20ms restart server\n"),
        Arguments.of(EngineMutant.SNAPSHOT_INSTALLED_BEFORE_SYNC, 2L, atSnapshotWritten),
        Arguments.of(EngineMutant.RECOVERY_ROLLS_FORWARD, 2L, atSnapshotWritten),
        Arguments.of(EngineMutant.GROUP_COMMIT_COVERS_LATE_APPENDS, 0L,
            "group-commit-end@200+0ms crash server\ngroup-commit-end@200+20ms restart server\n"));
  }

  static ScenarioInput input(long simulationSeed, String schedule) {
    return ScenarioInputText.parse("[input]\nsimulation seed: 0x" + Long.toHexString(simulationSeed) + "\n"
        + "engine: 1 worker, queue default\nswarm: CRASH, BUGGIFY\n"
        + "loss: 0/1\nduplicate: 0/1\nreorder: 0/1\ntorn writes: 0/1\n"
        + "client client-0: 1000 observations into space-0 at 1000/s\n"
        + "[schedule]\n# detsim fault schedule v2\n" + schedule, "aimed");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("aimedInputs")
  void anAimedCrash_catchesTheMutant_andTheCleanEnginePassesTheSameInput(EngineMutant mutant, long seed,
      String schedule) {
    EngineScenario swarm = EngineScenarios.named("swarm").orElseThrow();
    ScenarioInput aimed = input(seed, schedule);

    RunResult clean = swarm.run(aimed, EnumSet.noneOf(EngineMutant.class));
    RunResult planted = swarm.run(aimed, EnumSet.of(mutant));

    assertThat(clean.violation()).as("clean engine").isEmpty();
    assertThat(clean.labels()).as("the aimed faults fired").doesNotContain(RunLabels.AIM_UNFIRED);
    assertThat(planted.violation()).as("%s under %s", mutant, schedule).isPresent();
    assertThat(planted.violation().get().kind()).isEqualTo(Violation.Kind.DATA_LOSS);
    assertThat(swarm.run(aimed, EnumSet.of(mutant)).digest()).as("deterministic").isEqualTo(planted.digest());
  }

  /**
   * Without any fault the bug loses nothing, yet the run still fails: at the window's own transition
   * point, or when an ACCEPTED goes out, recovery on what the disk holds durably misses acknowledged
   * observations ({@link CrashNowCheck}). Before that check, these runs passed.
   */
  @ParameterizedTest(name = "{0}")
  @MethodSource("aimedInputs")
  void withoutAFault_theCrashNowCheckCatchesTheMutant(EngineMutant mutant, long seed, String schedule) {
    EngineScenario swarm = EngineScenarios.named("swarm").orElseThrow();
    RunResult clean = swarm.run(input(seed, ""), EnumSet.noneOf(EngineMutant.class));
    RunResult planted = swarm.run(input(seed, ""), EnumSet.of(mutant));
    assertThat(clean.violation()).as("clean engine with no fault").isEmpty();
    assertThat(planted.violation()).as("%s with no fault", mutant).isPresent();
    assertThat(planted.violation().get().kind()).isEqualTo(Violation.Kind.DATA_LOSS);
    assertThat(planted.violation().get().message()).as("found by a check, at a point or at an ACCEPTED, not by a crash")
        .containsAnyOf("a crash at ", "went out while a crash would lose it");
    if (mutant != EngineMutant.GROUP_COMMIT_COVERS_LATE_APPENDS) {
      assertThat(planted.labels()).as("the run compacted").contains("point:snapshot-installed");
    }
  }
}
