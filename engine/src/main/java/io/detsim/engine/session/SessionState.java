package io.detsim.engine.session;

import io.detsim.engine.protocol.SessionStatus;

/** Where a session is in its life. */
public enum SessionState {
  /** Takes observations. */
  ACTIVE,
  /** The client paused it: observations are refused with SESSION_PAUSED until it resumes. */
  PAUSED,
  /** Closed with drain: takes nothing new; waits until every admitted observation is durable. */
  DRAINING,
  /** Takes nothing new; forgotten after an idle timeout. */
  CLOSED,
  /**
   * Idle past the timeout. Its id and sequence are kept: an observation with the next expected
   * number (or any flow control) resumes it.
   */
  EXPIRED;

  /**
   * What a {@code Status} message says about a session in this state, before queue pressure is
   * taken into account. A draining session still reads ACTIVE: CLOSED is sent when it is drained.
   */
  public SessionStatus toStatus() {
    switch (this) {
      case PAUSED:
        return SessionStatus.PAUSED;
      case CLOSED:
        return SessionStatus.CLOSED;
      default:
        return SessionStatus.ACTIVE;
    }
  }

  /** Counted in the active-sessions gauge. */
  public boolean isLive() {
    return this == ACTIVE || this == PAUSED || this == DRAINING;
  }
}
