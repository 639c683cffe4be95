package io.detsim.bench.real;

import java.util.SplittableRandom;

/**
 * Random unit vectors made before the run, so that the generator's thread spends its time offering,
 * not drawing random numbers: a benchmark of the engine must not measure its own generator.
 */
final class EmbeddingPool {
  private final float[][] vectors;

  private EmbeddingPool(float[][] vectors) {
    this.vectors = vectors;
  }

  static EmbeddingPool random(int dimension, int size, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    float[][] vectors = new float[size][];
    for (int v = 0; v < size; v++) {
      float[] vector = new float[dimension];
      double norm = 0;
      for (int i = 0; i < dimension; i++) {
        vector[i] = (float) random.nextGaussian(); // a Gaussian direction is uniform on the sphere
        norm += vector[i] * vector[i];
      }
      float scale = (float) (1 / Math.sqrt(norm));
      for (int i = 0; i < dimension; i++) {
        vector[i] *= scale;
      }
      vectors[v] = vector;
    }
    return new EmbeddingPool(vectors);
  }

  /** The vector for observation {@code index}; the pool repeats. */
  float[] get(long index) {
    return vectors[(int) (index % vectors.length)];
  }
}
