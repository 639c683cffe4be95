package io.detsim.replay.file;

import io.detsim.properties.core.Property;
import io.detsim.properties.core.PropertyResult;
import io.detsim.properties.junit.FailureFileWriter;
import io.detsim.properties.scenario.RunSettings;
import io.detsim.properties.scenario.Scenario;
import io.detsim.properties.scenario.ScenarioProperty;
import io.detsim.properties.scenario.ScenarioRun;
import io.detsim.replay.timeline.TimelineContext;
import io.detsim.replay.timeline.TimelineHtml;
import io.detsim.sim.trace.JsonLinesTraceWriter;
import io.detsim.sim.trace.TraceEvent;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Writes what a failed scenario property under {@code @SimProperty} leaves for a person: the
 * failure file, as the command line's fuzz names it ({@code <scenario>-<kind>-<seed>.detsim}), the
 * run's trace as JSON Lines and its HTML timeline beside it, and the test class path in a
 * {@code .classpath} file, so that the printed command replays the file on the user's own classes.
 * Any scenario's property qualifies, the user's as well as the engine's: the property's
 * {@link ScenarioProperty.Origin} says what to write. Registered for the detsim test engine through
 * {@link java.util.ServiceLoader}.
 */
public final class ScenarioFailureFileWriter implements FailureFileWriter {

  @Override
  public Optional<Written> write(Property<?> property, PropertyResult.Failure<?> failure, Path directory)
      throws IOException {
    if (property.origin().isEmpty() || !(property.origin().get() instanceof ScenarioProperty.Origin)) {
      return Optional.empty();
    }
    ScenarioProperty.Origin origin = (ScenarioProperty.Origin) property.origin().get();
    Scenario<?> scenario = origin.scenario();
    Files.createDirectories(directory);
    String base = FailureFiles.baseName(scenario.name(), failure.kind(), failure.seed().orElse(0L));
    Path trace = directory.resolve(base + ".jsonl");
    List<TraceEvent> events = new ArrayList<>();
    ScenarioRun run;
    try (Writer out = Files.newBufferedWriter(trace, StandardCharsets.UTF_8);
        JsonLinesTraceWriter writer = new JsonLinesTraceWriter(out)) {
      // The shrunk input's own run: its digest for the file, its events for the trace and timeline.
      run = rerun(scenario, failure.value(), origin.settings().withTrace(event -> {
        writer.accept(event);
        events.add(event);
      }));
    }
    if (run.passed()) {
      Files.deleteIfExists(trace);
      return Optional.empty(); // it passed when run again: not deterministic, nothing a file could replay
    }
    Optional<Object> input = scenario.text().isPresent() ? Optional.of(failure.value()) : Optional.empty();
    FailureFile file = FailureFile.of(scenario.name(), failure.seed().orElse(0L), failure.shrunk(), input,
        origin.settings().plantedBugs(), run, failure.originalSize(), failure.shrunkSize());
    Path written = FailureFiles.writeInto(directory, file, scenario);
    Path timeline = directory.resolve(base + ".html");
    ScenarioRun.Failure violation = run.failure().get();
    TimelineHtml.write(timeline, events, TimelineContext.titled(scenario.name() + " seed "
        + FailureFiles.hex(file.seed()) + ": " + violation.kind() + " (" + written.getFileName() + ")")
        .withViolation(violation.kind(), violation.atNanos(), violation.message()));
    Path classPath = directory.resolve(base + ".classpath");
    Files.writeString(classPath, testClassPath() + "\n", StandardCharsets.UTF_8);
    Map<String, Path> alongside = new LinkedHashMap<>();
    alongside.put("trace", trace);
    alongside.put("timeline", timeline);
    return Optional.of(new Written(written, alongside,
        "detsim --class-path @" + classPath + " replay " + written + " --html " + timeline));
  }

  /** The tests' class path: Surefire's own record of it, else this JVM's. */
  private static String testClassPath() {
    String surefire = System.getProperty("surefire.test.class.path");
    return surefire != null && !surefire.isBlank() ? surefire : System.getProperty("java.class.path");
  }

  @SuppressWarnings("unchecked") // the property's inputs are the scenario's own
  private static <I> ScenarioRun rerun(Scenario<I> scenario, Object input, RunSettings settings) {
    return scenario.run((I) input, settings);
  }
}
