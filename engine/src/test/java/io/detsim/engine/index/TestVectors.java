package io.detsim.engine.index;

import io.detsim.sim.port.RandomSource;
import io.detsim.sim.random.Xoshiro256;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Seeded vectors and a brute-force oracle for the index tests. */
final class TestVectors {
  private TestVectors() {}

  /** A direction uniform on the sphere: Gaussian components, so no axis is favoured. */
  static float[] randomVector(RandomSource random, int dimension) {
    float[] vector = new float[dimension];
    for (int i = 0; i < dimension; i++) {
      vector[i] = (float) random.nextGaussian();
    }
    return vector;
  }

  static float[][] randomVectors(long seed, int count, int dimension) {
    RandomSource random = new Xoshiro256(seed);
    float[][] vectors = new float[count][];
    for (int i = 0; i < count; i++) {
      vectors[i] = randomVector(random, dimension);
    }
    return vectors;
  }

  /** The exact k nearest ids of {@code vectors} (id = position), by distance then id. */
  static long[] bruteForce(float[][] vectors, float[] query, int k) {
    float[] unitQuery = Vectors.normalisedCopy(query, query.length, "query");
    List<Neighbour> all = new ArrayList<>(vectors.length);
    for (int i = 0; i < vectors.length; i++) {
      float[] unit = Vectors.normalisedCopy(vectors[i], query.length, "test");
      all.add(new Neighbour(i, Vectors.distance(unitQuery, unit), 0));
    }
    all.sort(Comparator.comparingDouble(Neighbour::distance).thenComparingLong(Neighbour::id));
    return all.stream().limit(k).mapToLong(Neighbour::id).toArray();
  }

  /**
   * A random source whose {@code nextDouble()} returns the scripted values in turn, so a test can
   * choose node levels: U = 1 - value, level = floor(-ln(U) / ln(M)). A value of 0 gives level 0.
   */
  static RandomSource scripted(double... doubles) {
    return new RandomSource() {
      private int next;

      @Override
      public long nextLong() {
        double value = doubles[next++ % doubles.length];
        return ((long) (value * 0x1.0p53)) << 11;
      }

      @Override
      public long nextLong(long bound) {
        throw new UnsupportedOperationException("the index draws levels with nextDouble only");
      }
    };
  }

  /** The scripted value that gives {@code level} when the index has this M: U mid-band. */
  static double forLevel(int level, int m) {
    return level == 0 ? 0.0 : 1.0 - StrictMath.pow(m, -level - 0.5);
  }
}
