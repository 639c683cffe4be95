package io.detsim.properties.scenario;

import io.detsim.sim.fault.ScheduledFault;
import io.detsim.sim.trace.TraceEvent;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What one run of a scenario did.
 *
 * @param failure the broken check, if any (the most severe when several broke)
 * @param digest the run's trace digest: equal for equal runs
 * @param simulatedNanos how much virtual time passed
 * @param tellingEvents the trace events before the failure that tell something about it (or the
 *     last events of a passing run), for a failure report
 * @param labels what the run reached (fault kinds, system states), for the coverage report
 * @param faults the faults the run scheduled, for a timeline to shade
 */
public record ScenarioRun(Optional<Failure> failure, long digest, long simulatedNanos, List<TraceEvent> tellingEvents,
    List<String> labels, List<ScheduledFault> faults) {

  public ScenarioRun {
    Objects.requireNonNull(failure, "failure");
    tellingEvents = List.copyOf(tellingEvents);
    labels = List.copyOf(labels);
    faults = List.copyOf(faults);
  }

  /**
   * A broken check: its kind (upper case with underscores, such as {@code DATA_LOSS}), when it
   * was detected, and what it saw.
   *
   * @param cause the exception a node or a check threw, with its stack trace; empty for a check
   *     that judged the run
   */
  public record Failure(String kind, long atNanos, String message, Optional<Throwable> cause) {
    public Failure {
      Objects.requireNonNull(kind, "kind");
      Objects.requireNonNull(message, "message");
      Objects.requireNonNull(cause, "cause");
    }

    public static Failure of(String kind, long atNanos, String message) {
      return new Failure(kind, atNanos, message, Optional.empty());
    }
  }

  public boolean passed() {
    return failure.isEmpty();
  }
}
