package io.detsim.engine.protocol;

import java.util.Objects;

/**
 * A session's id, assigned by the server ({@code s-1}, {@code s-2}, ...: a counter, never a random
 * UUID, so that runs replay). To a client it is an opaque token it echoes back.
 */
public record SessionId(String value) implements Comparable<SessionId> {

  public SessionId {
    Objects.requireNonNull(value, "value");
    if (value.isEmpty()) {
      throw new IllegalArgumentException("a session id is not empty");
    }
  }

  public static SessionId of(String value) {
    return new SessionId(value);
  }

  @Override
  public int compareTo(SessionId other) {
    return value.compareTo(other.value);
  }

  @Override
  public String toString() {
    return value;
  }
}
