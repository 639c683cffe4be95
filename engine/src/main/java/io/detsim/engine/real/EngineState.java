package io.detsim.engine.real;

/**
 * Where an {@link EmbeddedEngine} is in its life. The embedded engine does not restart a crashed
 * server on its own: a server that crashed once (a bug, a disk error, the heap exhausted) would
 * likely crash again on the same input, and a loop of restarts that each replay the whole log would
 * hide the failure behind latency. So a crash is final and loud: the engine is FAILED, every offer
 * and recall from then on fails at once naming the cause, and {@link EmbeddedEngine#health()} and
 * the Prometheus endpoint ({@code detsim_engine_state}) show it. Restarting is the application's
 * call: start a new engine on the same folder, which recovers every acknowledged observation.
 */
public enum EngineState {
  /** Taking offers. */
  RUNNING,
  /** The server or the engine's client crashed; see {@link EngineHealth#failure()}. Final. */
  FAILED,
  /** Shut down by its owner. Final. */
  STOPPED
}
