package io.detsim.scenarios.engine;

/**
 * Checks a scenario adds to the ones every run passes (no acknowledged loss, order, graph integrity,
 * snapshot recall, the backpressure bound, no silent drop).
 */
public enum ScenarioCheck {
  /**
   * At every checkpoint, the pressure state the engine last announced is the one its queue depth
   * gives at the thresholds of docs/engine.md (0.5, 0.8, 0.95): a transition is never missed or late.
   */
  PRESSURE_FOLLOWS_DEPTH,
  /**
   * Every accepted observation becomes visible (INDEXED) within the staleness bound of its
   * acceptance. Only meaningful while nothing is faulty, so only scenarios without faults use it.
   */
  BOUNDED_STALENESS,
  /** For every client, accepted plus rejected equals sent (ChaosTestStats' accounting). */
  ACCOUNTING
}
