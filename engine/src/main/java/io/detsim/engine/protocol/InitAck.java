package io.detsim.engine.protocol;

import java.util.Objects;

/**
 * Answers {@link Init}: the new session, and the first sequence number it expects (always 1).
 *
 * @param requestId echoed from the Init it answers
 */
public record InitAck(long requestId, SessionId session, SpaceId space, long nextSeq, Capabilities capabilities)
    implements ServerMessage {

  public InitAck {
    Objects.requireNonNull(session, "session");
    Objects.requireNonNull(space, "space");
    Objects.requireNonNull(capabilities, "capabilities");
    if (nextSeq < 1) {
      throw new IllegalArgumentException("sequence numbers start at 1: " + nextSeq);
    }
  }

  @Override
  public String traceDetail() {
    return "init-ack req=" + requestId + " " + session.value() + " space=" + space.value() + " next=" + nextSeq;
  }
}
