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

  /**
   * Gaussian directions normalised as the engine's index normalises (double sum of squares, {@code
   * StrictMath.sqrt}, each component divided), so that the index keeps the held observation's own
   * array rather than a second copy, as it does for any client that sends such unit vectors.
   */
  static EmbeddingPool random(int dimension, int size, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    float[][] vectors = new float[size][];
    for (int v = 0; v < size; v++) {
      double[] values = new double[dimension];
      double squares = 0;
      for (int i = 0; i < dimension; i++) {
        values[i] = (float) random.nextGaussian(); // a Gaussian direction is uniform on the sphere
        squares += values[i] * values[i];
      }
      double norm = StrictMath.sqrt(squares);
      float[] vector = new float[dimension];
      for (int i = 0; i < dimension; i++) {
        vector[i] = (float) (values[i] / norm);
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
