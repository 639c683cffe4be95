package io.detsim.engine.session;

import io.detsim.engine.protocol.SessionId;
import io.detsim.engine.protocol.SpaceId;

/** One session's mutable state; only {@link SessionTable} touches it. */
final class Session {
  final SessionId id;
  final SpaceId space;
  SessionState state;
  /** Highest sequence number admitted (the next expected is one more). */
  long admittedSeq;
  /** Highest sequence number durable; never above {@link #admittedSeq}. */
  long durableSeq;
  /** The server's clock at the last client message; may be ahead of "now" after a backward step. */
  long lastActivityNanos;
  /** A drain closed it: everything it admitted was durable then, so nothing of it becomes durable later. */
  boolean drained;

  Session(SessionId id, SpaceId space, SessionState state, long lastSeq, long nowNanos) {
    this.id = id;
    this.space = space;
    this.state = state;
    this.admittedSeq = lastSeq;
    this.durableSeq = lastSeq;
    this.lastActivityNanos = nowNanos;
  }

  long expectedSeq() {
    return admittedSeq + 1;
  }

  boolean hasInFlight() {
    return admittedSeq > durableSeq;
  }

  SessionInfo info() {
    return new SessionInfo(id, space, state, expectedSeq(), durableSeq);
  }

  DurableSession durable() {
    boolean closed = state == SessionState.CLOSED || state == SessionState.DRAINING;
    return new DurableSession(id, space, durableSeq, closed);
  }
}
