package io.detsim.engine.protocol;

/**
 * A session's state as a {@link Status} message tells it. Queue pressure maps to ACTIVE (normal and
 * warning), BACKPRESSURE (critical: halve the rate) and OVERLOADED (admission rejects with a
 * retry-after).
 */
public enum SessionStatus {
  ACTIVE,
  PAUSED,
  BACKPRESSURE,
  OVERLOADED,
  ERROR,
  CLOSED
}
