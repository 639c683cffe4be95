package io.detsim.scenarios.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.detsim.engine.planted.EngineMutant;
import io.detsim.properties.core.PropertyConfig;
import io.detsim.properties.core.PropertyResult;
import io.detsim.properties.core.PropertyRunner;
import java.util.EnumSet;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The framework tests itself: each realistic bug switched into the engine must be caught within 300
 * seeds by the default scenario, swarm (the compaction and snapshot windows too, since a quarter of
 * its runs compact early), its failure must shrink to at most three fault entries and at most half
 * its choices, and re-run to the same verdict and digest from the shrunk input alone.
 */
class MutantsTest {
  static Stream<EngineMutant> caughtMutants() {
    return Stream.of(EngineMutant.values());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("caughtMutants")
  void itsScenario_catchesTheMutant_within300Seeds_andTheShrunkFailureReplays(EngineMutant mutant) {
    EngineScenario scenario = EngineScenarios.named("swarm").orElseThrow();
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
