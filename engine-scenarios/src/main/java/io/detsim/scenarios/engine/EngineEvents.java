package io.detsim.scenarios.engine;

import io.detsim.engine.queue.PressureState;
import io.detsim.sim.trace.TraceEvent;
import io.detsim.sim.trace.TraceSink;
import java.util.List;
import java.util.TreeSet;

/**
 * Watches a run's trace for what the engine and its clients said they did: the pressure state the
 * server last announced (reset by each server incarnation, whose fresh queue starts NORMAL), and
 * which engine and client states of interest the run reached, as coverage labels
 * ({@code engine:pressure:CRITICAL}, {@code engine:log-cut}, {@code client:backpressure}...).
 */
final class EngineEvents implements TraceSink {
  /** Application trace kinds that mark a state worth counting; the kernel's own kinds are not labels. */
  private static final List<String> ENGINE_KINDS = List.of("compacted", "log-cut", "sessions-expired",
      "worker-restart");
  private static final List<String> CLIENT_KINDS = List.of("backpressure", "gap-resend", "reinit",
      "overloaded-wait", "init-refused");

  private final TreeSet<String> labels = new TreeSet<>();
  private PressureState announced = PressureState.NORMAL;

  @Override
  public void accept(TraceEvent event) {
    boolean server = event.node().equals(InputGenerator.SERVER.name());
    if (server && event.kind().equals("start")) {
      announced = PressureState.NORMAL;
    } else if (server && event.kind().equals("pressure")) {
      announced = PressureState.valueOf(event.detail());
      labels.add("engine:pressure:" + announced);
    } else if (server && ENGINE_KINDS.contains(event.kind())) {
      labels.add("engine:" + event.kind());
    } else if (!server && CLIENT_KINDS.contains(event.kind())) {
      labels.add("client:" + event.kind());
    }
  }

  PressureState announcedPressure() {
    return announced;
  }

  TreeSet<String> labels() {
    return labels;
  }
}
