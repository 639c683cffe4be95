package io.detsim.scenarios.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.detsim.engine.planted.EngineMutant;
import io.detsim.properties.core.PropertyConfig;
import io.detsim.properties.core.PropertyResult;
import io.detsim.properties.core.PropertyRunner;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The framework tests itself: each realistic bug switched into the engine must be caught within 300
 * seeds by the scenario where its bug lives (the default, swarm, for all but the compaction and
 * snapshot windows), its failure must shrink to at most three fault entries and at most half its
 * choices, and re-run to the same verdict and digest from the shrunk input alone.
 */
class MutantsTest {
  /**
   * Bugs that only a crash during compaction or snapshot install can show: the swarm's runs do not
   * compact (compacting every few records there halved its power against torn tails, measured), so
   * disk_faults, which compacts every 25 to 400 records under crashes, is where a campaign meets them.
   */
  private static final Set<EngineMutant> COMPACTION_WINDOW = EnumSet.of(EngineMutant.COMPACTION_DELETES_EARLY,
      EngineMutant.SNAPSHOT_INSTALLED_BEFORE_SYNC, EngineMutant.RECOVERY_ROLLS_FORWARD);

  static Stream<EngineMutant> caughtMutants() {
    return Stream.of(EngineMutant.values());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("caughtMutants")
  void itsScenario_catchesTheMutant_within300Seeds_andTheShrunkFailureReplays(EngineMutant mutant) {
    EngineScenario scenario = EngineScenarios.named(COMPACTION_WINDOW.contains(mutant) ? "disk_faults" : "swarm")
        .orElseThrow();
    PropertyResult<ScenarioInput> result = new PropertyRunner(PropertyConfig.defaults().withTries(300)
        .withMaxShrinkAttempts(400)).run(scenario.property(EnumSet.of(mutant)));
    assertThat(result.failure()).as("%s caught within 300 seeds", mutant).isPresent();
    PropertyResult.Failure<ScenarioInput> failure = result.failure().get();
    RunResult first = scenario.run(failure.value(), EnumSet.of(mutant));
    RunResult again = scenario.run(failure.value(), EnumSet.of(mutant));
    assertThat(first.violation()).isPresent();
    assertThat(first.violation().get().kind().name()).isEqualTo(failure.kind());
    assertThat(again.digest()).as("the shrunk failure re-runs to the same digest").isEqualTo(first.digest());
    assertThat(failure.value().schedule().size()).as("shrunk to at most 3 fault entries:%n%s", failure.value())
        .isLessThanOrEqualTo(3);
    assertThat(2 * failure.shrunkSize()).as("shrunk to at most half its %d choices:%n%s", failure.originalSize(),
        failure.value()).isLessThanOrEqualTo(failure.originalSize());
    System.out.printf("mutant %-28s caught at try %3d as %-20s shrunk %d -> %d choices, %d fault entries%n",
        mutant, failure.tryIndex(), failure.kind(), failure.originalSize(), failure.shrunkSize(),
        failure.value().schedule().size());
  }
}
