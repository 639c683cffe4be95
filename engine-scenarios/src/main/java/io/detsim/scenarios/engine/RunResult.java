package io.detsim.scenarios.engine;

import io.detsim.scenarios.engine.validate.ChaosTestStats;
import io.detsim.scenarios.engine.validate.Violation;
import io.detsim.sim.trace.TraceEvent;
import java.util.List;
import java.util.Optional;

/**
 * What one run of a scenario did: the first broken guarantee if any, the trace digest, how much
 * virtual time passed, the telling trace events before the violation was detected (or before the end), the totals,
 * and coverage labels (which faults and engine states the run reached).
 */
public record RunResult(Optional<Violation> violation, long digest, long simulatedNanos, List<TraceEvent> lastEvents,
    ChaosTestStats stats, List<String> labels) {

  public RunResult {
    lastEvents = List.copyOf(lastEvents);
    labels = List.copyOf(labels);
  }

  public boolean passed() {
    return violation.isEmpty();
  }
}
