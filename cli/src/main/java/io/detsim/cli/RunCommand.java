package io.detsim.cli;

import io.detsim.properties.scenario.RunSettings;
import io.detsim.properties.scenario.ScenarioRun;
import io.detsim.properties.scenario.Scenario;
import io.detsim.properties.core.GenerationException;
import io.detsim.replay.campaign.TryInput;
import io.detsim.sim.fault.Durations;
import io.detsim.sim.trace.JsonLinesTraceWriter;
import io.detsim.sim.trace.TraceSink;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code detsim run SCENARIO --seed HEX}: one try of a scenario, the same run that {@code fuzz}
 * made for that seed, with its digest and verdict.
 */
@Command(name = "run", mixinStandardHelpOptions = true, versionProvider = Detsim.Version.class,
    description = {"Runs one seed of a scenario: the try fuzz ran for that seed (its input is generated from the seed"
        + " exactly as the property runner does).",
        "Prints 'digest: 0x...' and 'verdict: PASS' or 'verdict: FAIL <violation>'. Exit 0 on PASS, 1 on FAIL."})
final class RunCommand implements Callable<Integer> {
  @Spec
  private CommandSpec spec;

  @Parameters(index = "0", paramLabel = "SCENARIO", converter = Converters.ScenarioName.class,
      description = "The scenario (detsim scenarios lists them).")
  private Scenario<?> scenario;

  @Option(names = "--seed", required = true, paramLabel = "HEX", converter = Converters.HexSeed.class,
      description = "The try's seed, as fuzz prints it.")
  private long seed;

  @Option(names = "--mutant", paramLabel = "NAME",
      description = "Switch this planted bug on (repeatable; detsim mutants lists them).")
  private List<String> mutants = new ArrayList<>();

  @Option(names = "--trace", paramLabel = "FILE", description = "Write the run's trace to FILE as JSON Lines.")
  private Path trace;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    TryInput input;
    try {
      input = TryInput.generate(scenario, seed);
    } catch (GenerationException cannotGenerate) {
      throw new UsageException("seed " + Converters.hex(seed) + " generates no input for " + scenario.name()
          + " (fuzz skips such seeds): " + cannotGenerate.getMessage());
    }
    out.println("scenario: " + scenario.name() + " seed: " + Converters.hex(seed));
    ScenarioRun result = run(input, Converters.plantedBugs(scenario, mutants), trace);
    out.println("digest: " + Converters.hex(result.digest()));
    out.println("simulated: " + Durations.format(result.simulatedNanos()));
    out.println("verdict: " + verdict(result));
    return result.passed() ? Detsim.EXIT_OK : Detsim.EXIT_FAILED;
  }

  /** Runs {@code input}, writing its trace to {@code traceFile} when one is given. */
  static ScenarioRun run(TryInput input, Set<String> mutants, Path traceFile) {
    if (traceFile == null) {
      return input.run(RunSettings.plain().withPlantedBugs(mutants));
    }
    try (Writer writer = Files.newBufferedWriter(traceFile, StandardCharsets.UTF_8);
        JsonLinesTraceWriter sink = new JsonLinesTraceWriter(writer)) {
      return runWithSink(input, mutants, sink);
    } catch (IOException cannotWrite) {
      throw new UncheckedIOException("cannot write trace " + traceFile + ": " + cannotWrite.getMessage(), cannotWrite);
    }
  }

  static ScenarioRun runWithSink(TryInput input, Set<String> mutants, TraceSink sink) {
    return input.run(RunSettings.plain().withPlantedBugs(mutants).withTrace(sink));
  }

  /** {@code PASS}, or {@code FAIL} and the violation on one line. */
  static String verdict(ScenarioRun result) {
    return result.failure().map(failure -> "FAIL " + describe(failure)).orElse("PASS");
  }

  static String describe(ScenarioRun.Failure violation) {
    return violation.kind() + " at " + Durations.format(violation.atNanos()) + ": "
        + Detsim.oneLine(violation.message());
  }
}
