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

  /** The points of compaction: a run reaches them once its log holds a compaction's worth of records. */
  static final List<String> COMPACTION = List.of("compaction-start", "log-segment-roll", "snapshot-written",
      "snapshot-installed");

  /**
   * Why a scenario that does not compact every few records ({@link ScenarioModel#diskShapes()}) seldom
   * reaches the compaction points, and which scenario aims crashes at them instead.
   */
  static final String RARE_COMPACTION = "rare here by design: no compaction before 20,000 records unless BUGGIFY"
      + " compacts early (compacting every few records would roll torn tails into snapshots, hiding crash bugs);"
      + " disk_faults compacts every 25 to 400 records and aims crashes at these points";

  private EnginePoints() {}
}
