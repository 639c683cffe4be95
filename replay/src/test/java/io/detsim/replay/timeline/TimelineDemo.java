package io.detsim.replay.timeline;

import io.detsim.engine.planted.EngineMutant;
import io.detsim.properties.core.ChoiceSource;
import io.detsim.scenarios.engine.RunResult;
import io.detsim.scenarios.engine.EngineScenario;
import io.detsim.scenarios.engine.ScenarioInput;
import io.detsim.scenarios.engine.ScenarioRunner;
import io.detsim.scenarios.engine.EngineScenarios;
import io.detsim.scenarios.engine.validate.Violation;
import io.detsim.sim.trace.TraceFile;
import io.detsim.sim.fault.FaultSchedule;
import io.detsim.sim.random.Xoshiro256;
import io.detsim.sim.trace.JsonLinesTraceWriter;
import io.detsim.sim.trace.TraceEvent;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;

/**
 * Renders the timeline of a real failing run, for {@code replay/scripts/check-timeline.sh} and for
 * anyone who wants to see one: the swarm scenario's input for seed 1 (its simulation seed and
 * standing network faults: some loss and duplication) with two slow clients, two workers and a
 * hand-written schedule (a partition, a crash and restart, a clog, a loss spell, a worker kill) and an engine mutant that
 * forgets sessions across a crash. The trace goes through the JSON Lines file and back, as a
 * user's would.
 *
 * <p>Usage: {@code TimelineDemo OUTPUT_DIR [MUTANT [SCHEDULE_FILE]]}; writes {@code demo.jsonl} and
 * {@code timeline.html} and prints the violation.
 */
public final class TimelineDemo {
  static final String SCHEDULE = String.join("\n",
      "150ms partition client-1 | server",
      "350ms heal",
      "500ms crash server",
      "700ms restart server",
      "900ms clog client-0 -> server for 100ms",
      "1.1s loss 1/10",
      "1.3s loss 0",
      "1.45s kill server/worker-1");

  private TimelineDemo() {}

  public static void main(String[] args) throws IOException {
    Path dir = Path.of(args.length > 0 ? args[0] : "target/timeline-demo");
    EngineMutant mutant = EngineMutant.valueOf(args.length > 1 ? args[1] : "SESSION_STATE_NOT_RECOVERED");
    Files.createDirectories(dir);
    EngineScenario swarm = EngineScenarios.named("swarm").orElseThrow();
    ScenarioInput drawn = swarm.inputs().generate(seeded(1));
    // Slow clients, so the workload runs through the whole fault window instead of finishing in 50 ms.
    List<ScenarioInput.ClientSpec> clients = List.of(
        new ScenarioInput.ClientSpec("client-0", "space-0", 240, 160, true, true),
        new ScenarioInput.ClientSpec("client-1", "space-1", 160, 110, false, false));
    ScenarioInput input = new ScenarioInput(drawn.simulationSeed(), new ScenarioInput.EngineShape(2, 0), drawn.swarm(),
        clients, FaultSchedule.parse(args.length > 2 ? Files.readString(Path.of(args[2])) : SCHEDULE));
    Path trace = dir.resolve("demo.jsonl");
    RunResult result;
    try (JsonLinesTraceWriter writer = new JsonLinesTraceWriter(Files.newBufferedWriter(trace, StandardCharsets.UTF_8))) {
      result = ScenarioRunner.run(input, swarm.model(), EnumSet.of(mutant), ScenarioRunner.Limits.standard(), writer);
    }
    List<TraceEvent> events = TraceFile.read(trace);
    TimelineContext context = TimelineContext.titled("swarm seed 1, mutant " + mutant + ", hand-written schedule");
    if (result.violation().isPresent()) {
      Violation violation = result.violation().get();
      context = context.withViolation(violation.kind().name(), violation.atNanos(), violation.message());
    }
    Path html = dir.resolve("timeline.html");
    TimelineHtml.write(html, events, context);
    System.out.println("input:\n" + input);
    System.out.println("violation: " + result.violation().map(Violation::toString).orElse("none"));
    System.out.println("events: " + events.size() + ", trace: " + trace + ", timeline: " + html + " ("
        + Files.size(html) + " bytes)");
  }

  /** A choice source over a seeded generator: fresh, unrecorded draws, which is all a one-off run needs. */
  static ChoiceSource seeded(long seed) {
    Xoshiro256 random = new Xoshiro256(seed);
    return new ChoiceSource() {
      @Override
      public long choose(long min, long max) {
        if (max < min) {
          throw new IllegalArgumentException("empty range " + min + ".." + max);
        }
        return min == max ? min : random.nextLong(min, max);
      }

      @Override
      public void startSpan(String label) {}

      @Override
      public void endSpan() {}

      @Override
      public void cancelSpan() {}
    };
  }
}
