package io.detsim.cli;

import io.detsim.sim.trace.Difference;
import io.detsim.sim.trace.TraceDiff;
import io.detsim.sim.trace.TraceFile;
import io.detsim.sim.trace.TraceReader;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code detsim diff A B}: the first event where two recorded traces part. Runs are deterministic, so
 * that event is where the cause is; everything after it is consequence.
 */
@Command(name = "diff", mixinStandardHelpOptions = true, versionProvider = Detsim.Version.class,
    description = {"Compares two JSON Lines traces (run --trace, replay --trace) and prints the first event where"
        + " they differ, both events, and the shared events before it.",
        "Exit 0 when the traces are identical, 1 when they differ, 2 when one cannot be read."})
final class DiffCommand implements Callable<Integer> {
  @Spec
  private CommandSpec spec;

  @Parameters(index = "0", paramLabel = "TRACE_A", description = "The first trace.")
  private Path traceA;

  @Parameters(index = "1", paramLabel = "TRACE_B", description = "The second trace.")
  private Path traceB;

  @Option(names = "--context", paramLabel = "N", description = "Shared events shown before the difference"
      + " (default 10).")
  private int context = 10;

  @Override
  public Integer call() {
    if (context < 0) {
      throw new UsageException("--context cannot be negative: " + context);
    }
    for (Path trace : new Path[] {traceA, traceB}) {
      if (!Files.isRegularFile(trace)) {
        throw new UsageException(trace + ": no such trace file");
      }
    }
    PrintWriter out = spec.commandLine().getOut();
    Optional<Difference> difference;
    try (TraceReader a = TraceFile.open(traceA); TraceReader b = TraceFile.open(traceB)) {
      difference = TraceDiff.compare(a, b, context);
    }
    if (difference.isEmpty()) {
      out.println("identical: " + traceA + " and " + traceB + " hold the same events");
      return Detsim.EXIT_OK;
    }
    out.println("A: " + traceA);
    out.println("B: " + traceB);
    out.print(difference.get().render());
    return Detsim.EXIT_FAILED;
  }
}
