package io.detsim.scenarios.engine;

import java.util.List;

/**
 * The transition points the engine announces ({@link io.detsim.sim.port.NodeContext#point}): where
 * the generator aims faults, and what a campaign's coverage lists, reached or not.
 */
final class EnginePoints {
  /** Every point the engine announces (a campaign lists those its runs never reached). */
  static final List<String> ALL = List.of(
      "recovery-start", "recovery-log-read", "recovery-end",
      "group-commit-start", "group-commit-end",
      "compaction-start", "log-segment-roll", "snapshot-written", "snapshot-installed",
      "worker-completion", "steal", "supervisor-restart");

  /** The points of compaction, which a generated run reaches only when its engine compacts early. */
  static final List<String> COMPACTION = List.of("compaction-start", "log-segment-roll", "snapshot-written",
      "snapshot-installed");

  /**
   * The points an engine of this shape can announce in a generated run: compaction's only when it
   * compacts within a run's few hundred records, a steal only when there is a worker to steal from.
   */
  static List<String> reachable(ScenarioInput.EngineShape engine) {
    return ALL.stream()
        .filter(point -> engine.compactAfterRecords() > 0 || !COMPACTION.contains(point))
        .filter(point -> engine.workers() > 1 || !point.equals("steal"))
        .toList();
  }

  private EnginePoints() {}
}
