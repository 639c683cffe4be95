package io.detsim.engine.real;

import java.util.SplittableRandom;

/** Unit vectors that a test can rebuild from an observation's number alone (the crash test needs that). */
final class TestEmbeddings {
  static final int DIMENSION = 16;

  private TestEmbeddings() {}

  static float[] of(long number) {
    SplittableRandom random = new SplittableRandom(number * 0x9E3779B97F4A7C15L + 17);
    float[] vector = new float[DIMENSION];
    double norm = 0;
    for (int i = 0; i < DIMENSION; i++) {
      vector[i] = (float) (random.nextDouble() * 2 - 1);
      norm += vector[i] * vector[i];
    }
    float scale = (float) (1 / Math.sqrt(norm));
    for (int i = 0; i < DIMENSION; i++) {
      vector[i] *= scale;
    }
    return vector;
  }
}
