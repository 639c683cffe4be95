package io.detsim.engine.session;

import io.detsim.engine.protocol.SessionId;
import io.detsim.engine.protocol.SpaceId;

/**
 * A read-only view of one session.
 *
 * @param expectedSeq the next sequence number it takes
 * @param durableSeq the highest sequence number that is durable (0 if none); between the two are the
 *     admitted observations still in flight
 */
public record SessionInfo(SessionId id, SpaceId space, SessionState state, long expectedSeq, long durableSeq) {

  /** Admitted observations not yet durable. */
  public long inFlight() {
    return expectedSeq - 1 - durableSeq;
  }
}
