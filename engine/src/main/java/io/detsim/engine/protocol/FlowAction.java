package io.detsim.engine.protocol;

/** What a client asks of its session with {@link FlowControl}. */
public enum FlowAction {
  /** Hold the session: observations are refused with SESSION_PAUSED until RESUME. */
  PAUSE,
  RESUME,
  /** Advisory: the client lowers its own rate. */
  SLOW_DOWN,
  /** Advisory: the client raises its own rate. */
  SPEED_UP
}
