package io.detsim.engine.session;

import io.detsim.sim.port.Check;
import io.detsim.engine.protocol.RejectReason;
import java.util.Objects;
import java.util.Optional;

/**
 * What the session table says about an incoming observation's sequence number.
 *
 * <p>A record with a kind rather than a sealed family: the server handles it with a plain
 * {@code switch} on {@link Kind} (Java 17 has no pattern-matching switch), and every kind carries
 * the same few numbers.
 *
 * @param expectedSeq the next sequence number the session expects (for ACCEPT: {@code seq} itself);
 *     0 when the session is unknown
 * @param durable for DUPLICATE: true when the original is durable, so ACCEPTED may be sent again
 *     now; false while it is still in flight, when its ACCEPTED will follow once it is durable
 * @param resumed for ACCEPT: true when this observation resumed an expired session
 */
public record ObservationDecision(Kind kind, long expectedSeq, boolean durable, boolean resumed) {

  /** The kinds of decision. */
  public enum Kind {
    /** {@code seq} is the expected one: admit it, then call {@link SessionTable#admit}. */
    ACCEPT,
    /** {@code seq} is below the expected one: a retransmission; acknowledge idempotently. */
    DUPLICATE,
    /** {@code seq} is above the expected one: refuse with SEQUENCE_GAP and the expected number. */
    GAP,
    /** The client paused the session. */
    PAUSED,
    /** No such session. */
    UNKNOWN,
    /** The session expired and {@code seq} is not the next one: resend from the expected number. */
    EXPIRED,
    /** The session is closed or draining. */
    CLOSED
  }

  public ObservationDecision {
    Objects.requireNonNull(kind, "kind");
    Check.that(!durable || kind == Kind.DUPLICATE, "only a duplicate can be durable");
    Check.that(!resumed || kind == Kind.ACCEPT, "only an acceptance can resume");
  }

  static ObservationDecision of(Kind kind, long expectedSeq) {
    return new ObservationDecision(kind, expectedSeq, false, false);
  }

  public boolean isAccept() {
    return kind == Kind.ACCEPT;
  }

  /** The reason to send with REJECTED; empty for ACCEPT and DUPLICATE, which are not refusals. */
  public Optional<RejectReason> rejectReason() {
    switch (kind) {
      case GAP:
        return Optional.of(RejectReason.SEQUENCE_GAP);
      case PAUSED:
        return Optional.of(RejectReason.SESSION_PAUSED);
      case UNKNOWN:
        return Optional.of(RejectReason.SESSION_UNKNOWN);
      case EXPIRED:
        return Optional.of(RejectReason.SESSION_EXPIRED);
      case CLOSED:
        return Optional.of(RejectReason.SESSION_CLOSED);
      default:
        return Optional.empty();
    }
  }
}
