package io.detsim.scenarios.engine;

import java.util.List;
import java.util.Map;

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

  private static final String RARE_COMPACTION = "rare here by design: no compaction before 20,000 records unless"
      + " BUGGIFY compacts early (compacting every few records would roll torn tails into snapshots, hiding crash"
      + " bugs); disk_faults compacts every 25 to 400 records and aims crashes at these points";

  /**
   * The points of compaction, which a run reaches once its log holds a compaction's worth of records,
   * with why a scenario that does not compact every few records ({@link ScenarioModel#diskShapes()})
   * seldom reaches them, and which scenario aims crashes at them instead.
   */
  static final Map<String, String> RARE_COMPACTION_NOTES = Map.of("compaction-start", RARE_COMPACTION,
      "log-segment-roll", RARE_COMPACTION, "snapshot-written", RARE_COMPACTION, "snapshot-installed", RARE_COMPACTION);

  private EnginePoints() {}
}
