package io.detsim.scenarios.engine;

import io.detsim.scenarios.engine.validate.ChaosTestStats;
import io.detsim.scenarios.engine.validate.Violation;
import io.detsim.sim.trace.TraceEvent;
import java.util.List;
import java.util.Optional;

/**
 * What one run of a scenario did: every broken guarantee, most severe first, the trace digest, how much
 * virtual time passed, the telling trace events before the violation was detected (or before the end), the totals,
 * and coverage labels (which faults and engine states the run reached).
 */
public record RunResult(List<Violation> violations, long digest, long simulatedNanos, List<TraceEvent> lastEvents,
    ChaosTestStats stats, List<String> labels) {

  public RunResult {
    violations = violations.stream().sorted(Violation.mostSevereFirst()).toList();
    lastEvents = List.copyOf(lastEvents);
    labels = List.copyOf(labels);
  }

  /** The most severe broken guarantee: the run's verdict, and the kind shrinking keeps. */
  public Optional<Violation> violation() {
    return violations.stream().findFirst();
  }

  public boolean passed() {
    return violations.isEmpty();
  }
}
