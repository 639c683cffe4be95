package io.detsim.replay.corpus;

import io.detsim.engine.planted.EngineMutant;
import io.detsim.properties.core.PropertyConfig;
import io.detsim.properties.core.PropertyResult;
import io.detsim.properties.core.PropertyRunner;
import io.detsim.properties.scenario.RunSettings;
import io.detsim.properties.scenario.ScenarioRun;
import io.detsim.scenarios.engine.EngineScenario;
import io.detsim.scenarios.engine.ScenarioInput;
import io.detsim.scenarios.engine.EngineScenarios;
import io.detsim.replay.file.FailureFile;
import io.detsim.replay.file.FailureFiles;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Optional;

/**
 * Fills the regression corpus with real failures: fuzzes the default scenario with one engine mutant
 * switched in, from start seed 0, shrinks the first failure, and writes it as a failure file named
 * after the mutant. The files pass against the real engine, which is what the corpus checks: a bug
 * once planted and caught must stay caught, and the engine without it must stay clean.
 *
 * <p>Run from the repository root (the shaded jar carries every dependency; the test classes add this one):
 * <pre>
 * mvn -B -o -q package -pl replay -am -DskipTests
 * java -cp replay/target/detsim.jar:replay/target/test-classes io.detsim.replay.corpus.CorpusSeeder \
 *     replay/src/test/resources/detsim-corpus \
 *     STEAL_SINGLE_ITEMS REVERSE_DEGREE_UNBOUNDED DUPLICATES_AS_GAPS ACK_BEFORE_SYNC
 * </pre>
 * Everything is seeded, so the same code writes the same files.
 */
public final class CorpusSeeder {
  static final int TRIES = 300;
  static final int SHRINK_ATTEMPTS = 400;

  private CorpusSeeder() {}

  public static void main(String[] args) {
    if (args.length < 2) {
      System.err.println("usage: CorpusSeeder DIRECTORY MUTANT...");
      System.exit(2);
    }
    Path directory = Path.of(args[0]);
    for (int i = 1; i < args.length; i++) {
      EngineMutant mutant = EngineMutant.valueOf(args[i]);
      long started = System.nanoTime();
      Optional<FailureFile> found = find(EngineScenarios.named("swarm").orElseThrow(), mutant, TRIES, SHRINK_ATTEMPTS);
      double seconds = (System.nanoTime() - started) / 1e9;
      if (found.isEmpty()) {
        System.out.printf(Locale.ROOT, "%s: not caught in %d tries (%.1f s)%n", mutant, TRIES, seconds);
        continue;
      }
      Path file = directory.resolve(mutant.cliName() + FailureFiles.EXTENSION);
      FailureFiles.write(file, found.get());
      System.out.printf(Locale.ROOT, "%s: %s, shrunk %d -> %d choices (%.1f s): %s%n", mutant,
          found.get().violation().kind(), found.get().originalSize(), found.get().shrunkSize(), seconds, file);
    }
  }

  /** The first failure of {@code scenario} with {@code mutant} in {@code tries} seeds from 0, shrunk; empty if none. */
  public static Optional<FailureFile> find(EngineScenario scenario, EngineMutant mutant, int tries, int shrinkAttempts) {
    EnumSet<EngineMutant> mutants = EnumSet.of(mutant);
    PropertyResult<ScenarioInput> result = new PropertyRunner(PropertyConfig.defaults().withStartSeed(0)
        .withTries(tries).withMaxShrinkAttempts(shrinkAttempts)).run(scenario.property(mutants));
    if (result.failure().isEmpty()) {
      return Optional.empty();
    }
    PropertyResult.Failure<ScenarioInput> failure = result.failure().get();
    ScenarioRun failing = scenario.run(failure.value(),
        RunSettings.plain().withPlantedBugs(java.util.Set.of(mutant.cliName())));
    return Optional.of(FailureFile.of(scenario.name(), failure.seed().orElse(0L), failure.shrunk(),
        Optional.of(failure.value()), java.util.Set.of(mutant.cliName()), failing, failure.originalSize(),
        failure.shrunkSize()));
  }
}
