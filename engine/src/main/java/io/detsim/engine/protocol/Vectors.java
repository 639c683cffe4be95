package io.detsim.engine.protocol;

import java.util.Optional;

/** Checks on client-supplied vectors (embeddings and cues), shared by the messages that carry one. */
final class Vectors {
  private Vectors() {}

  /**
   * A vector is usable for cosine distance when it has the configured dimension, only finite values
   * (a NaN or an infinity poisons every distance it enters) and at least one non-zero value (the
   * zero vector has no direction, so its cosine is undefined).
   */
  static Optional<String> problemWith(String what, float[] vector, int dimension) {
    if (vector.length != dimension) {
      return Optional.of(what + " has dimension " + vector.length + ", expected " + dimension);
    }
    boolean anyNonZero = false;
    for (int i = 0; i < vector.length; i++) {
      if (!Float.isFinite(vector[i])) {
        return Optional.of(what + " has a non-finite value at " + i);
      }
      anyNonZero |= vector[i] != 0.0f;
    }
    if (!anyNonZero) {
      return Optional.of(what + " is the zero vector");
    }
    return Optional.empty();
  }
}
