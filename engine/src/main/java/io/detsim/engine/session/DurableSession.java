package io.detsim.engine.session;

import io.detsim.engine.protocol.SessionId;
import io.detsim.engine.protocol.SpaceId;
import java.util.Objects;

/**
 * The part of a session that must survive a crash: recovery rebuilds it from the write-ahead log
 * (a session-opened record, then each accepted observation's session and sequence number).
 *
 * @param lastAcceptedSeq the highest durable sequence number, 0 before the first
 * @param closed true once the session was closed (a logged close), so it stays closed
 */
public record DurableSession(SessionId id, SpaceId space, long lastAcceptedSeq, boolean closed) {

  public DurableSession {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(space, "space");
    if (lastAcceptedSeq < 0) {
      throw new IllegalArgumentException("last accepted sequence must not be negative: " + lastAcceptedSeq);
    }
  }
}
