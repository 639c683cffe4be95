package io.detsim.engine.client;

import io.detsim.engine.protocol.Episode;
import io.detsim.sim.port.Clock;
import io.detsim.sim.port.RandomSource;

/**
 * Makes a client's episodes and recall cues from its random stream, so that the same seed gives
 * the same stream of content. Episode {@code n} of client {@code c} has id {@code c-n}; its time is
 * the client's clock reading when it was made, which under skew is wrong by design.
 */
final class EpisodeSource {
  private final String clientName;
  private final String space;
  private final int dimension;
  private final RandomSource random;
  private final Clock clock;

  EpisodeSource(String clientName, String space, int dimension, RandomSource random, Clock clock) {
    this.clientName = clientName;
    this.space = space;
    this.dimension = dimension;
    this.random = random;
    this.clock = clock;
  }

  /** The n-th episode (from 1): a random direction of unit length, a confidence in [0, 1). */
  Episode episode(long n) {
    float[] embedding = unitVector();
    float confidence = (float) random.nextDouble();
    return new Episode(clientName + "-" + n, space, clock.nowNanos(), "observation " + n + " of " + clientName,
        embedding, confidence);
  }

  /**
   * A random direction: Gaussian coordinates normalised, which is uniform on the sphere. Never the
   * zero vector (which the server refuses): a zero draw, practically impossible, becomes a unit axis.
   */
  float[] unitVector() {
    double[] values = new double[dimension];
    double squares = 0;
    for (int i = 0; i < dimension; i++) {
      values[i] = random.nextGaussian();
      squares += values[i] * values[i];
    }
    float[] vector = new float[dimension];
    double norm = StrictMath.sqrt(squares);
    if (!(norm > 0)) {
      vector[0] = 1.0f;
      return vector;
    }
    boolean anyNonZero = false;
    for (int i = 0; i < dimension; i++) {
      vector[i] = (float) (values[i] / norm);
      anyNonZero |= vector[i] != 0.0f;
    }
    if (!anyNonZero) {
      vector[0] = 1.0f;
    }
    return vector;
  }
}
