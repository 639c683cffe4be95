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
      "worker-restart", "session-resumed");
  private static final List<String> CLIENT_KINDS = List.of("backpressure", "gap-resend", "reinit",
      "overloaded-wait", "init-refused");

  private final TreeSet<String> labels = new TreeSet<>();
  private PressureState announced = PressureState.NORMAL;
  private boolean corrupted;
  private long corruptionCutAtNanos = -1;
  private TraceEvent firstResumed;

  @Override
  public void accept(TraceEvent event) {
    boolean server = event.node().equals(InputGenerator.SERVER.name());
    if (server && event.kind().equals("start")) {
      announced = PressureState.NORMAL;
    } else if (server && event.kind().equals("pressure")) {
      announced = PressureState.valueOf(event.detail());
      labels.add("engine:pressure:" + announced);
    } else if (server && event.kind().equals("corrupt") && !"nothing stored".equals(event.detail())) {
      corrupted = true;
    } else if (server && ENGINE_KINDS.contains(event.kind())) {
      labels.add("engine:" + event.kind());
      if (corrupted && event.kind().equals("log-cut")) {
        corruptionCutAtNanos = event.timeNanos();
      }
      if (firstResumed == null && event.kind().equals("session-resumed")) {
        firstResumed = event;
      }
    } else if (!server && CLIENT_KINDS.contains(event.kind())) {
      labels.add("client:" + event.kind());
    }
  }

  PressureState announcedPressure() {
    return announced;
  }

  /**
   * When recovery last cut the log after a disk fault had corrupted stored bytes: acknowledged
   * observations may be lost to it, detected (docs/engine.md); -1 when that never happened. A cut
   * after a corruption may also be a torn tail: telling them apart would need the offsets.
   */
  long corruptionCutAtNanos() {
    return corruptionCutAtNanos;
  }

  /**
   * The first time the server resumed a session after numbers its client held as ACCEPTED, which it
   * had forgotten; null when never. Unambiguous: ACCEPTED goes out only once durable, so a correct
   * server recovers past every number a client can hold, whatever the network reordered.
   */
  TraceEvent firstResumed() {
    return firstResumed;
  }

  /** A label the run earned from what the end checks found rather than from an event. */
  void label(String label) {
    labels.add(label);
  }

  TreeSet<String> labels() {
    return labels;
  }
}
