package io.detsim.engine.protocol;

import java.util.Optional;

/**
 * A memory space's id: 3 to 64 characters of {@code [a-z0-9_-]} (the original design's rule).
 *
 * <p>Wire messages carry a space as the client sent it (a {@code String}); the server checks it with
 * {@link #problemWith} and only then makes a {@code SpaceId}, so that a bad name is an answer
 * ({@code INVALID_INPUT}), not an exception. The constructor does throw: inside the server a
 * {@code SpaceId} is always valid.
 */
public record SpaceId(String value) implements Comparable<SpaceId> {
  static final int LENGTH_MIN = 3;
  static final int LENGTH_MAX = 64;

  public SpaceId {
    Optional<String> problem = problemWith(value);
    if (problem.isPresent()) {
      throw new IllegalArgumentException(problem.get());
    }
  }

  public static SpaceId of(String value) {
    return new SpaceId(value);
  }

  /** What is wrong with {@code text} as a space id, or empty if it is a valid one. */
  public static Optional<String> problemWith(String text) {
    if (text == null) {
      return Optional.of("space id is missing");
    }
    if (text.length() < LENGTH_MIN || text.length() > LENGTH_MAX) {
      return Optional.of(
          "space id must have " + LENGTH_MIN + " to " + LENGTH_MAX + " characters, has " + text.length());
    }
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      boolean allowed = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || c == '-';
      if (!allowed) {
        return Optional.of("space id may hold only [a-z0-9_-], has '" + c + "' at " + i);
      }
    }
    return Optional.empty();
  }

  @Override
  public int compareTo(SpaceId other) {
    return value.compareTo(other.value);
  }

  @Override
  public String toString() {
    return value;
  }
}
