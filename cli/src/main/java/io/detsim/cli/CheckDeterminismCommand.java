package io.detsim.cli;

import io.detsim.properties.scenario.RunSettings;
import io.detsim.properties.scenario.ScenarioRun;
import io.detsim.properties.scenario.Scenario;
import io.detsim.properties.core.PropertyRunner;
import io.detsim.replay.campaign.TryInput;
import io.detsim.sim.trace.Difference;
import io.detsim.sim.trace.TraceDiff;
import io.detsim.sim.trace.TraceFile;
import io.detsim.sim.trace.TraceEvent;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code detsim check-determinism}: runs each seed twice in this JVM and once in a fresh one, and
 * compares digests. Two runs in one JVM catch state leaking between runs (statics, caches); the
 * fresh JVM catches what differs between processes (identity hash codes, hash iteration order seeded
 * per process, class initialisation order). On a difference it re-runs the two sides with traces and
 * names the first event where they part.
 */
@Command(name = "check-determinism", mixinStandardHelpOptions = true, versionProvider = Detsim.Version.class,
    description = {"Runs each seed twice in this process and once in a fresh JVM and compares the digests; names the"
        + " first differing seed and, from the two runs' traces, the first differing event.",
        "Exit 0 when every digest agreed, 1 when one did not."})
final class CheckDeterminismCommand implements Callable<Integer> {
  private static final long CHILD_TIMEOUT_SECONDS = 600;
  private static final int CONTEXT_EVENTS = 5;

  @Spec
  private CommandSpec spec;

  private final CommandContext context;

  CheckDeterminismCommand(CommandContext context) {
    this.context = context;
  }

  @Parameters(index = "0", arity = "0..1", paramLabel = "SCENARIO", converter = Converters.ScenarioName.class,
      description = "The scenario; default: the first one detsim scenarios lists.")
  private Scenario<?> scenario;

  @Option(names = "--seeds", paramLabel = "N", description = "Seeds to check (default 5).")
  private int seeds = 5;

  @Option(names = "--start-seed", paramLabel = "HEX", converter = Converters.HexSeed.class,
      description = "Start seed; seed index i runs PropertyRunner.seedOfTry(start, i), as in fuzz (default 0).")
  private long startSeed;

  @Option(names = "--mutant", paramLabel = "NAME", description = "Switch this planted bug on (repeatable).")
  private List<String> mutants = new ArrayList<>();

  @Override
  public Integer call() throws IOException, InterruptedException {
    if (seeds < 1) {
      throw new UsageException("--seeds must be at least 1: " + seeds);
    }
    Scenario<?> checked = scenario != null ? scenario : Converters.defaultScenario(context.catalogue());
    Set<String> mutantSet = Converters.plantedBugs(checked, mutants);
    RunSettings settings = RunSettings.plain().withPlantedBugs(mutantSet);
    PrintWriter out = spec.commandLine().getOut();
    for (int index = 0; index < seeds; index++) {
      long seed = PropertyRunner.seedOfTry(startSeed, index);
      Process child = startChild(checked, seed, null); // runs while this JVM runs the seed twice
      TryInput input;
      ScenarioRun first;
      ScenarioRun second;
      long fresh;
      try {
        input = TryInput.generate(checked, seed);
        first = input.run(settings);
        second = input.run(settings);
        fresh = digestOf(child, seed);
      } finally {
        child.destroyForcibly(); // a no-op once it has exited; leaves no stray JVM when this one failed
      }
      out.println(String.format(Locale.ROOT, "seed %s: digest %s, again in this JVM %s, in a fresh JVM %s",
          Converters.hex(seed), Converters.hex(first.digest()), same(first.digest(), second.digest()),
          same(first.digest(), fresh)));
      out.flush();
      if (first.digest() != second.digest() || first.digest() != fresh) {
        out.println(String.format(Locale.ROOT, "NOT deterministic: seed %s (index %d) of %s", Converters.hex(seed),
            index, checked.name()));
        firstDifference(checked, input, mutantSet, first.digest() != second.digest())
            .ifPresentOrElse(difference -> out.print(difference.render()),
                () -> out.println("the traces of the re-runs agree: the difference did not recur"));
        return Detsim.EXIT_FAILED;
      }
    }
    out.println(String.format(Locale.ROOT, "deterministic: %d seeds of %s, each run twice in this JVM and once in a"
        + " fresh one, gave the same digests", seeds, checked.name()));
    return Detsim.EXIT_OK;
  }

  private static String same(long expected, long actual) {
    return expected == actual ? "same" : "DIFFERENT (" + Converters.hex(actual) + ")";
  }

  /** Re-runs the two sides that disagreed, recording their traces, and compares them. */
  private Optional<Difference> firstDifference(Scenario<?> checked, TryInput input, Set<String> mutantSet,
      boolean inProcess) throws IOException, InterruptedException {
    List<TraceEvent> here = new ArrayList<>();
    RunCommand.runWithSink(input, mutantSet, here::add);
    List<TraceEvent> there;
    if (inProcess) {
      there = new ArrayList<>();
      RunCommand.runWithSink(input, mutantSet, there::add);
    } else {
      Path trace = Files.createTempFile("detsim-check-", ".jsonl");
      try {
        digestOf(startChild(checked, input.seed(), trace), input.seed());
        there = TraceFile.read(trace);
      } finally {
        Files.deleteIfExists(trace);
      }
    }
    return TraceDiff.compare(here, there, CONTEXT_EVENTS);
  }

  /** {@code java -cp <this class path> io.detsim.cli.Detsim run ...} in a new process. */
  private Process startChild(Scenario<?> checked, long seed, Path trace) throws IOException {
    List<String> command = new ArrayList<>(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", System.getProperty("java.class.path"), Detsim.class.getName()));
    command.addAll(context.classPathArguments());
    command.addAll(List.of("run", checked.name(), "--seed", Converters.hex(seed)));
    for (String mutant : mutants) {
      command.add("--mutant");
      command.add(mutant);
    }
    if (trace != null) {
      command.add("--trace");
      command.add(trace.toString());
    }
    return new ProcessBuilder(command).redirectErrorStream(true).start();
  }

  /** The digest the child printed; its whole output in the error when it printed none. */
  private static long digestOf(Process child, long seed) throws InterruptedException {
    String output;
    try {
      output = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException unreadable) {
      throw new UncheckedIOException("cannot read the fresh JVM's output", unreadable);
    }
    if (!child.waitFor(CHILD_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
      child.destroyForcibly();
      throw new IllegalStateException("the fresh JVM running seed " + Converters.hex(seed) + " did not finish");
    }
    for (String line : output.split("\\R")) {
      if (line.startsWith("digest: 0x")) {
        return Long.parseUnsignedLong(line.substring("digest: 0x".length()).trim(), 16);
      }
    }
    throw new IllegalStateException("the fresh JVM running seed " + Converters.hex(seed) + " printed no digest (exit "
        + child.exitValue() + "): " + Detsim.oneLine(output));
  }
}
