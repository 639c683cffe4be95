package io.detsim.cli;

import io.detsim.properties.scenario.ScenarioProperty;
import io.detsim.properties.scenario.RunSettings;
import io.detsim.properties.scenario.ScenarioRun;
import io.detsim.properties.scenario.Scenario;
import io.detsim.properties.core.Property;
import io.detsim.properties.core.PropertyConfig;
import io.detsim.properties.core.PropertyResult;
import io.detsim.properties.core.PropertyRunner;
import io.detsim.properties.core.Verdict;
import io.detsim.replay.campaign.ShrunkFailure;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Set;

/**
 * {@code detsim fuzz --exhaustive}: the property core's exhaustive mode over a scenario's inputs,
 * simplest first, up to a count of cases; the first failure is shrunk and saved like a fuzzed one.
 * It runs on one thread, since the enumeration is one ordered walk. An exhaustive case has no
 * seed: its failure file records seed 0, and the choices and input it holds are what replay uses.
 */
final class ExhaustiveRun {
  private final PrintWriter out;
  private final Scenario<?> scenario;
  private final Set<String> mutants;
  private final Path corpus;
  private final long maxCases;
  private final int shrinkAttempts;
  private long simulatedNanos;

  ExhaustiveRun(PrintWriter out, Scenario<?> scenario, Set<String> mutants, Path corpus, long maxCases,
      int shrinkAttempts) {
    this.out = out;
    this.scenario = scenario;
    this.mutants = mutants;
    this.corpus = corpus;
    this.maxCases = maxCases;
    this.shrinkAttempts = shrinkAttempts;
  }

  int call() {
    out.println(String.format(Locale.ROOT, "fuzz: %s%s, exhaustive, up to %d cases", scenario.name(),
        FuzzCommand.mutantsText(mutants), maxCases));
    out.flush();
    long started = System.nanoTime();
    return enumerate(scenario, started);
  }

  private <I> int enumerate(Scenario<I> scenario, long started) {
    RunSettings settings = RunSettings.plain().withPlantedBugs(mutants);
    Property<I> property = Property.of(scenario.name(), scenario.inputs(), input -> judge(scenario, input, settings));
    PropertyConfig config = PropertyConfig.defaults().withMaxShrinkAttempts(shrinkAttempts)
        .exhaustive((int) Math.min(Integer.MAX_VALUE, maxCases));
    PropertyResult<I> result = new PropertyRunner(config).run(property);
    out.println(String.format(Locale.ROOT, "cases: %d (%s)", result.triesRun(),
        result.exhausted() ? "the whole space" : "space not exhausted"));
    result.failure().ifPresent(failure -> {
      ScenarioRun failingRun = scenario.run(failure.value(), settings);
      Path file = FuzzCommand.writeFailure(new ShrunkFailure(scenario, 0, failure.shrunk(), failure.value(), mutants,
          failingRun, failure.originalSize(), failure.shrunkSize()), corpus);
      out.println(String.format(Locale.ROOT, "failure: %s at case %d, shrunk from %d to %d choices: %s",
          failure.kind(), failure.tryIndex(), failure.originalSize(), failure.shrunkSize(), file));
      out.println("replay: ./detsim replay " + file);
    });
    out.println(FuzzCommand.summaryLine(result.triesRun(), result.passed() ? 0 : 1, simulatedNanos,
        System.nanoTime() - started));
    return result.passed() ? Detsim.EXIT_OK : Detsim.EXIT_FAILED;
  }

  private <I> Verdict judge(Scenario<I> scenario, I input, RunSettings settings) {
    ScenarioRun run = scenario.run(input, settings);
    simulatedNanos += run.simulatedNanos();
    return ScenarioProperty.verdict(run);
  }
}
