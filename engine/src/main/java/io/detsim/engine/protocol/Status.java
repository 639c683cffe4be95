package io.detsim.engine.protocol;

import java.util.Objects;

/**
 * A session's state and the queue's fill, sent when either changes. The pressure is not a field:
 * it is {@code depth / capacity}, derived exactly by {@link #pressurePercent} so that it can never
 * disagree with the two numbers it comes from.
 */
public record Status(SessionId session, SessionStatus status, int depth, int capacity) implements ServerMessage {

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
