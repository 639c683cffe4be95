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

  private EnginePoints() {}
}
