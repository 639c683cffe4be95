package io.detsim.replay.cli;

import io.detsim.engine.server.EngineMutant;
import io.detsim.properties.core.GenerationException;
import io.detsim.properties.scenario.RunResult;
import io.detsim.properties.scenario.Scenario;
import io.detsim.properties.scenario.ScenarioRunner;
import io.detsim.properties.validate.Violation;
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
import java.util.EnumSet;
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
  private Scenario scenario;

  @Option(names = "--seed", required = true, paramLabel = "HEX", converter = Converters.HexSeed.class,
      description = "The try's seed, as fuzz prints it.")
  private long seed;

  @Option(names = "--mutant", paramLabel = "NAME", converter = Converters.MutantName.class,
      description = "Switch this planted bug into the engine (repeatable; detsim mutants lists them).")
  private List<EngineMutant> mutants = new ArrayList<>();

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
    RunResult result = run(scenario, input, mutantSet(mutants), trace);
    out.println("digest: " + Converters.hex(result.digest()));
    out.println("simulated: " + Durations.format(result.simulatedNanos()));
    out.println("verdict: " + verdict(result));
    return result.passed() ? Detsim.EXIT_OK : Detsim.EXIT_FAILED;
  }

  static Set<EngineMutant> mutantSet(List<EngineMutant> mutants) {
    return mutants.isEmpty() ? EnumSet.noneOf(EngineMutant.class) : EnumSet.copyOf(mutants);
  }

  /** Runs {@code input}, writing its trace to {@code traceFile} when one is given. */
  static RunResult run(Scenario scenario, TryInput input, Set<EngineMutant> mutants, Path traceFile) {
    if (traceFile == null) {
      return scenario.run(input.input(), mutants);
    }
    try (Writer writer = Files.newBufferedWriter(traceFile, StandardCharsets.UTF_8);
        JsonLinesTraceWriter sink = new JsonLinesTraceWriter(writer)) {
      return runWithSink(scenario, input, mutants, sink);
    } catch (IOException cannotWrite) {
      throw new UncheckedIOException("cannot write trace " + traceFile + ": " + cannotWrite.getMessage(), cannotWrite);
    }
  }

  static RunResult runWithSink(Scenario scenario, TryInput input, Set<EngineMutant> mutants, TraceSink sink) {
    return ScenarioRunner.run(input.input(), scenario.model(), mutants, ScenarioRunner.Limits.standard(), sink);
  }

  /** {@code PASS}, or {@code FAIL} and the violation on one line. */
  static String verdict(RunResult result) {
    return result.violation().map(violation -> "FAIL " + describe(violation)).orElse("PASS");
  }

  static String describe(Violation violation) {
    return violation.kind() + " at " + Durations.format(violation.atNanos()) + ": "
        + Detsim.oneLine(violation.message());
  }
}
