package io.detsim.engine.protocol;

import java.util.Objects;

/**
 * A session's state and the queue's fill, sent when either changes. The pressure is not a field:
 * it is {@code depth / capacity}, derived exactly by {@link #pressurePercent} so that it can never
 * disagree with the two numbers it comes from.
 *
 * <p><b>BACKPRESSURE is a lease.</b> A status is one message on a network that loses, delays and
 * reorders, from a server that forgets on a crash what it told whom. Were BACKPRESSURE to hold until
 * an ACTIVE came, one lost ACTIVE, one BACKPRESSURE overtaken by the ACTIVE sent after it, or one
 * crash of a CRITICAL server that comes back NORMAL would leave a client throttled for good. So the
 * server repeats BACKPRESSURE every {@link #BACKPRESSURE_RENEW_NANOS} while its queue stays CRITICAL,
 * and a client that has heard none for {@link #BACKPRESSURE_LEASE_NANOS} ends the episode itself,
 * as if ACTIVE had come (soft state, refreshed while it holds).
 */
public record Status(SessionId session, SessionStatus status, int depth, int capacity) implements ServerMessage {
  /** While the queue stays CRITICAL, the server repeats BACKPRESSURE to its sessions this often. */
  public static final long BACKPRESSURE_RENEW_NANOS = 250_000_000L;
  /** A client's backpressure episode lapses this long after the last BACKPRESSURE: four renewals. */
  public static final long BACKPRESSURE_LEASE_NANOS = 4 * BACKPRESSURE_RENEW_NANOS;

  public Status {
    Objects.requireNonNull(session, "session");
    Objects.requireNonNull(status, "status");
    if (depth < 0 || capacity < 0) {
      throw new IllegalArgumentException("depth and capacity must not be negative: " + depth + "/" + capacity);
    }
  }

  /** The pressure in whole percent, rounded down; 0 for a queue of no capacity. */
  public int pressurePercent() {
    return capacity == 0 ? 0 : (int) ((long) depth * 100 / capacity);
  }

  @Override
  public String traceDetail() {
    return "status " + session.value() + " " + status.name() + " " + depth + "/" + capacity;
  }
}
