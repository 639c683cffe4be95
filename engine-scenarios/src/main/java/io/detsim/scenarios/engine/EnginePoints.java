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
      "worker-completion", "steal", "supervisor-restart", "drain-start", "drain-end");

  /** The points of compaction, which a generated run reaches only when its engine compacts early. */
  static final List<String> COMPACTION = List.of("compaction-start", "log-segment-roll", "snapshot-written",
      "snapshot-installed");

  /** The points of a session's drain, which only a client that closes while streaming starts. */
  static final List<String> DRAIN = List.of("drain-start", "drain-end");

  /**
   * The points an engine of this shape, with these clients, can announce in a generated run:
   * compaction's only when it compacts within a run's few hundred records, a steal only when there is
   * a worker to steal from, a drain only when some client closes right after its last send.
   */
  static List<String> reachable(ScenarioInput.EngineShape engine, List<ScenarioInput.ClientSpec> clients) {
    boolean drains = clients.stream().anyMatch(ScenarioInput.ClientSpec::closesAfterLastSend);
    return ALL.stream()
        .filter(point -> engine.compactAfterRecords() > 0 || !COMPACTION.contains(point))
        .filter(point -> engine.workers() > 1 || !point.equals("steal"))
        .filter(point -> drains || !DRAIN.contains(point))
        .toList();
  }

  private EnginePoints() {}
}
