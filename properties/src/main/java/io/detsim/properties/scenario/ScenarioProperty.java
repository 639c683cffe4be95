package io.detsim.properties.scenario;

import io.detsim.properties.core.Property;
import io.detsim.properties.core.Verdict;
import io.detsim.sim.trace.TraceEvent;
import java.util.Objects;
import java.util.function.Function;

/**
 * A scenario as a property: every generated input runs to a passing verdict. The property's
 * {@link Property#origin() origin} is an {@link Origin}, from which a failed property's file is
 * written: the test engine and the command line write the same files.
 */
public final class ScenarioProperty {
  private ScenarioProperty() {}

  /** What a scenario property was made of: a failure file records both. */
  public record Origin(Scenario<?> scenario, RunSettings settings) {
    public Origin {
      Objects.requireNonNull(scenario, "scenario");
      Objects.requireNonNull(settings, "settings");
    }
  }

  /** {@code scenario} as a property, each input run with {@code settings}; labels come from the run. */
  public static <I> Property<I> of(Scenario<I> scenario, RunSettings settings) {
    LastRun<I> last = new LastRun<>(input -> scenario.run(input, settings));
    return Property.<I>of(scenario.name(), scenario.inputs(), input -> verdict(last.of(input)))
        .withLabels(input -> last.of(input).labels())
        .withOrigin(new Origin(scenario, settings));
  }

  /** The verdict of a run: its failure with the digest and the telling events, as a report shows them. */
  public static Verdict verdict(ScenarioRun run) {
    if (run.passed()) {
      return Verdict.pass();
    }
    ScenarioRun.Failure failure = run.failure().get();
    StringBuilder message = new StringBuilder(failure.kind()).append(" at ")
        .append(String.format("%.3fs", failure.atNanos() / 1e9)).append(": ").append(failure.message());
    message.append(String.format("%ntrace digest 0x%016x; the last %d trace events before it was detected:",
        run.digest(), run.tellingEvents().size()));
    for (TraceEvent event : run.tellingEvents()) {
      message.append(String.format("%n  %12.6fs %-18s %-10s%s%s", event.timeNanos() / 1e9, event.node(), event.kind(),
          event.peer() == null ? "" : " " + event.peer(), event.detail() == null ? "" : " " + event.detail()));
    }
    failure.cause().ifPresent(cause -> message.append(String.format("%ncaused by: ")).append(stackTrace(cause)));
    return Verdict.fail(failure.kind(), message.toString());
  }

  private static String stackTrace(Throwable cause) {
    java.io.StringWriter text = new java.io.StringWriter();
    cause.printStackTrace(new java.io.PrintWriter(text));
    return text.toString().stripTrailing();
  }

  /**
   * The runner asks for a try's verdict and then its labels; both come from one simulation. Keyed
   * by identity: a new try is a new input object, even when its value is equal.
   */
  private static final class LastRun<I> {
    private final Function<I, ScenarioRun> runner;
    private I input;
    private ScenarioRun result;

    LastRun(Function<I, ScenarioRun> runner) {
      this.runner = runner;
    }

    ScenarioRun of(I next) {
      if (next != input) {
        input = next;
        result = runner.apply(next);
      }
      return result;
    }
  }
}
