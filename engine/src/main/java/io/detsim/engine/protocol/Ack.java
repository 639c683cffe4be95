package io.detsim.engine.protocol;

import java.util.Objects;

/**
 * The server's answer about one observation. Build it with {@link #accepted}, {@link #indexed} or
 * {@link #rejected}; the constructor refuses inconsistent combinations (a reason on an acceptance, an
 * acceptance without a memory id, a retry-after that is not a rejection's).
 *
 * @param reason why it was refused; null unless {@code outcome} is REJECTED
 * @param retryAfterNanos when to retry; 0 unless the reason asks for a wait (OVER_CAPACITY; never STORE_FULL)
 * @param memoryId the stored memory's id (the episode id); null for a rejection
 * @param expectedSeq the next sequence number the server expects in this session, when it tells it
 *     (SEQUENCE_GAP, SESSION_EXPIRED); 0 when not told
 */
public record Ack(
    SessionId session,
    long seq,
    AckOutcome outcome,
    RejectReason reason,
    long retryAfterNanos,
    String memoryId,
    long expectedSeq)
    implements ServerMessage {

  public Ack {
    Objects.requireNonNull(session, "session");
    Objects.requireNonNull(outcome, "outcome");
    boolean rejected = outcome == AckOutcome.REJECTED;
    if (rejected != (reason != null)) {
      throw new IllegalArgumentException("a reason goes with REJECTED and only with it: " + outcome + " " + reason);
    }
    if (rejected == (memoryId != null)) {
      throw new IllegalArgumentException("a memory id goes with ACCEPTED or INDEXED and only with them");
    }
    if (retryAfterNanos < 0 || (retryAfterNanos > 0 && !rejected)) {
      throw new IllegalArgumentException("a retry-after is positive and only on a rejection: " + retryAfterNanos);
    }
    if (expectedSeq < 0) {
      throw new IllegalArgumentException("expected sequence must not be negative: " + expectedSeq);
    }
  }

  /** The observation is durable. */
  public static Ack accepted(SessionId session, long seq, String memoryId) {
    return new Ack(session, seq, AckOutcome.ACCEPTED, null, 0, memoryId, 0);
  }

  /** The observation is visible to recall. */
  public static Ack indexed(SessionId session, long seq, String memoryId) {
    return new Ack(session, seq, AckOutcome.INDEXED, null, 0, memoryId, 0);
  }

  /** The observation is refused; {@code retryAfterNanos} and {@code expectedSeq} are 0 when they do not apply. */
  public static Ack rejected(SessionId session, long seq, RejectReason reason, long retryAfterNanos, long expectedSeq) {
    return new Ack(session, seq, AckOutcome.REJECTED, reason, retryAfterNanos, null, expectedSeq);
  }

  @Override
  public String traceDetail() {
    StringBuilder text = new StringBuilder("ack ").append(session.value()).append('#').append(seq).append(' ')
        .append(outcome.name());
    if (reason != null) {
      text.append(' ').append(reason.name());
    }
    if (retryAfterNanos > 0) {
      text.append(" retryAfterNanos=").append(retryAfterNanos);
    }
    if (expectedSeq > 0) {
      text.append(" expected=").append(expectedSeq);
    }
    if (memoryId != null) {
      text.append(" mem=").append(memoryId);
    }
    return text.toString();
  }
}
