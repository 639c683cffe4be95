package io.detsim.cli;

import io.detsim.properties.scenario.ScenarioCatalogue;
import io.detsim.properties.scenario.ScenarioRun;
import io.detsim.replay.file.FailureFile;
import io.detsim.replay.file.FailureFiles;
import io.detsim.replay.file.ReplayOutcome;
import io.detsim.replay.file.Replayer;
import io.detsim.replay.timeline.TimelineContext;
import io.detsim.replay.timeline.TimelineHtml;
import io.detsim.sim.fault.Durations;
import io.detsim.sim.trace.JsonLinesTraceWriter;
import io.detsim.sim.trace.TraceEvent;
import io.detsim.sim.trace.TraceSink;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code detsim replay FILE}: re-runs a failure file exactly and says, in one word, whether the
 * recorded failure came back.
 */
@Command(name = "replay", mixinStandardHelpOptions = true, versionProvider = Detsim.Version.class,
    description = {"Re-runs a failure file's input exactly (with the mutants it recorded) and prints the recorded and"
        + " the new digest and verdict, then one word: REPRODUCED (same verdict and digest), FIXED (it failed, now"
        + " passes) or CHANGED (another digest or violation).",
        "Exit 0 when the run now passes, 1 when it fails, 2 when the file cannot be read."})
final class ReplayCommand implements Callable<Integer> {
  @Spec
  private CommandSpec spec;

  private final ScenarioCatalogue catalogue;

  ReplayCommand(ScenarioCatalogue catalogue) {
    this.catalogue = catalogue;
  }

  @Parameters(index = "0", paramLabel = "FILE", description = "A failure file (.detsim), as fuzz wrote it or edited.")
  private Path file;

  @Option(names = "--trace", paramLabel = "FILE", description = "Write the run's trace to FILE as JSON Lines.")
  private Path trace;

  @Option(names = "--html", paramLabel = "FILE", description = "Write the run as a self-contained HTML timeline"
      + " (lanes per node, messages, faults, the violation) to FILE.")
  private Path html;

  @Option(names = "--around", paramLabel = "N", description = "Print the N trace events before and the N after"
      + " the violation.")
  private Integer around;

  @Option(names = "--max-simulated-time", paramLabel = "DURATION", converter = Converters.WallDuration.class,
      description = "The latest virtual time a fault may be scheduled at, and the most a run may take"
          + " (default 1h): 2h, 90m.")
  private Long maxSimulatedNanos;

  @Override
  public Integer call() {
    if (around != null && around < 0) {
      throw new UsageException("--around cannot be negative: " + around);
    }
    PrintWriter out = spec.commandLine().getOut();
    FailureFile recorded = readFailureFile(file, catalogue, maxSimulatedNanos());
    List<TraceEvent> events = new ArrayList<>();
    TraceSink keep = around == null && html == null ? null : events::add;
    ReplayOutcome outcome = replay(recorded, keep);
    FailureFile.RecordedViolation was = recorded.violation();
    out.println("recorded: digest: " + Converters.hex(recorded.digest()) + " verdict: FAIL " + was.kind() + " at "
        + Durations.format(was.atNanos()) + ": " + was.detail());
    out.println("now:      digest: " + Converters.hex(outcome.now().digest()) + " verdict: "
        + RunCommand.verdict(outcome.now()));
    if (around != null) {
      printAround(out, events, outcome.now());
    }
    if (html != null) {
      TimelineContext context = TimelineContext.titled(recorded.scenario() + " seed " + Converters.hex(recorded.seed())
          + ": " + outcome.word() + " (" + file.getFileName() + ")");
      ScenarioRun.Failure violation = outcome.now().failure().orElse(null);
      if (violation != null) {
        context = context.withViolation(violation.kind(), violation.atNanos(), violation.message());
      }
      TimelineHtml.write(html, events, context);
      out.println("timeline: " + html);
    }
    out.println(outcome.word());
    return outcome.now().passed() ? Detsim.EXIT_OK : Detsim.EXIT_FAILED;
  }

  /** Reads a failure file; a missing one is named as missing, a malformed one by file, line and problem. */
  static FailureFile readFailureFile(Path path, ScenarioCatalogue catalogue) {
    return readFailureFile(path, catalogue, io.detsim.properties.scenario.TextLines.DEFAULT_MAX_SIMULATED_NANOS);
  }

  /** {@link #readFailureFile(Path, ScenarioCatalogue)}, with faults after {@code maxSimulatedNanos} an error at their line. */
  static FailureFile readFailureFile(Path path, ScenarioCatalogue catalogue, long maxSimulatedNanos) {
    if (!Files.exists(path)) {
      throw new UsageException(path + ": no such failure file");
    }
    return FailureFiles.read(path, catalogue, maxSimulatedNanos);
  }

  private ReplayOutcome replay(FailureFile recorded, TraceSink keep) {
    if (trace == null) {
      return Replayer.replay(recorded, catalogue, keep, maxSimulatedNanos());
    }
    try (JsonLinesTraceWriter writer =
        new JsonLinesTraceWriter(Files.newBufferedWriter(trace, StandardCharsets.UTF_8))) {
      return Replayer.replay(recorded, catalogue, keep == null ? writer : event -> {
        writer.accept(event);
        keep.accept(event);
      }, maxSimulatedNanos());
    } catch (IOException cannotWrite) {
      throw new UncheckedIOException("cannot write trace " + trace + ": " + cannotWrite.getMessage(), cannotWrite);
    }
  }

  private long maxSimulatedNanos() {
    return maxSimulatedNanos != null ? maxSimulatedNanos
        : io.detsim.properties.scenario.TextLines.DEFAULT_MAX_SIMULATED_NANOS;
  }

  /** The events up to the violation's instant, a marker, and the events after it; the end of the run if it passed. */
  private void printAround(PrintWriter out, List<TraceEvent> events, ScenarioRun now) {
    long atNanos = now.failure().map(ScenarioRun.Failure::atNanos).orElse(now.simulatedNanos());
    int split = 0;
    while (split < events.size() && events.get(split).timeNanos() <= atNanos) {
      split++;
    }
    for (int i = Math.max(0, split - around); i < split; i++) {
      out.println("  " + EventText.format(events.get(i)));
    }
    out.println("  --- " + now.failure().map(v -> "violation: " + RunCommand.describe(v))
        .orElse("end of the run: " + Durations.format(atNanos)) + " ---");
    for (int i = split; i < Math.min(events.size(), split + around); i++) {
      out.println("  " + EventText.format(events.get(i)));
    }
  }
}
