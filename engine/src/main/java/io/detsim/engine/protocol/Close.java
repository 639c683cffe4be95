package io.detsim.engine.protocol;

import java.util.Objects;
import java.util.Optional;

/**
 * Closes a session: no new observation is accepted after it.
 *
 * @param drain when true, observations already admitted still become durable and are acknowledged
 *     before the server reports CLOSED; when false they may be refused with SESSION_CLOSED
 * @param lastSeq the last sequence number the client sent (0 if none), for the trace
 */
public record Close(SessionId session, boolean drain, long lastSeq) implements ClientMessage {

  public Close {
    Objects.requireNonNull(session, "session");
  }

  @Override
  public Optional<String> validate(int dimension) {
    return lastSeq < 0 ? Optional.of("last sequence number must not be negative") : Optional.empty();
  }

  @Override
  public String traceDetail() {
    return "close " + session.value() + " drain=" + drain + " last=" + lastSeq;
  }
}
