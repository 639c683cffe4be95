package io.detsim.engine.protocol;

import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;

/**
 * One observation's content, as the client sent it.
 *
 * <p>{@code space} stays a {@code String} because it comes from the client: {@link #validate}
 * checks it. {@code whenNanos} is read from the client's clock, so it orders nothing on the server.
 * The embedding is copied in and out: a sender that reuses its array after sending (the simulated
 * network hands over the same object) cannot change a message in flight, nor can a reader change
 * the episode. Use {@link #embeddingAt} or {@link #dimension} to read without copying; the engine
 * reads its array through {@link #sharedEmbedding}, and never writes it.
 *
 * @param confidence the encoding confidence, valid in [0, 1]
 */
public record Episode(String id, String space, long whenNanos, String what, float[] embedding, float confidence) {
  static final int ID_LENGTH_MAX = 256;
  static final int WHAT_LENGTH_MAX = 65_536;

  public Episode {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(space, "space");
    Objects.requireNonNull(what, "what");
    embedding = embedding.clone();
  }

  /** The first problem with this episode's content, or empty when it can be accepted. */
  public Optional<String> validate(int dimension) {
    if (id.isEmpty() || id.length() > ID_LENGTH_MAX) {
      return Optional.of("episode id must have 1 to " + ID_LENGTH_MAX + " characters, has " + id.length());
    }
    Optional<String> spaceProblem = SpaceId.problemWith(space);
    if (spaceProblem.isPresent()) {
      return spaceProblem;
    }
    if (what.length() > WHAT_LENGTH_MAX) {
      return Optional.of("episode text has " + what.length() + " characters, at most " + WHAT_LENGTH_MAX);
    }
    if (!(confidence >= 0.0f && confidence <= 1.0f)) { // also false for NaN
      return Optional.of("confidence must be in [0, 1]");
    }
    return Vectors.problemWith("embedding", embedding, dimension);
  }

  /** The space as a checked id; call after {@link #validate} found no problem. */
  public SpaceId spaceId() {
    return SpaceId.of(space);
  }

  /** A copy of the embedding. */
  @Override
  public float[] embedding() {
    return embedding.clone();
  }

  /**
   * The episode's own array, not a copy, for the engine alone: the server holds the episode for its
   * snapshots and the index keeps this same array when it is already a unit vector, so that an
   * embedding is held once, not twice (docs/benchmarks.md, whole-engine heap). Never write to it.
   */
  public float[] sharedEmbedding() {
    return embedding;
  }

  public float embeddingAt(int index) {
    return embedding[index];
  }

  public int dimension() {
    return embedding.length;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof Episode that
        && id.equals(that.id)
        && space.equals(that.space)
        && whenNanos == that.whenNanos
        && what.equals(that.what)
        && Arrays.equals(embedding, that.embedding)
        && Float.compare(confidence, that.confidence) == 0;
  }

  @Override
  public int hashCode() {
    return Objects.hash(id, space, whenNanos, what, Arrays.hashCode(embedding), Float.floatToIntBits(confidence));
  }

  /** Sizes, not contents: an embedding of 768 floats does not belong in a log line. */
  @Override
  public String toString() {
    return "Episode[id=" + id + ", space=" + space + ", whenNanos=" + whenNanos + ", what=" + what.length()
        + " chars, dimension=" + embedding.length + ", confidence=" + confidence + "]";
  }
}
