package io.detsim.engine.index;

import io.detsim.sim.random.Xoshiro256;
import java.util.function.ToLongFunction;

/**
 * Seeded inputs for comparing the scalar and vector kernels, and a digest of a kernel's raw result
 * bits over them. Every remainder of the four-lane blocking is covered, one block and less, and the
 * engine's 768.
 */
final class KernelSamples {
  static final int[] DIMENSIONS = {1, 2, 3, 4, 5, 6, 7, 8, 9, 12, 15, 16, 17, 31, 32, 33, 127, 128, 129, 767, 768, 769};

  private KernelSamples() {}

  /**
   * Gaussian components scaled by powers of two from 2^-20 to 2^20, with some exact zeros of both
   * signs: a sum whose order mattered would show in the last bits far sooner than with unit
   * vectors alone. Every third vector is normalised, as the index stores them.
   */
  static float[] vector(Xoshiro256 random, int dimension, int round) {
    float[] vector = new float[dimension];
    for (int i = 0; i < dimension; i++) {
      int kind = random.nextInt(16);
      if (kind == 0) {
        vector[i] = 0.0f;
      } else if (kind == 1) {
        vector[i] = -0.0f;
      } else {
        vector[i] = (float) (random.nextGaussian() * StrictMath.scalb(1.0, random.nextInt(41) - 20));
      }
    }
    vector[random.nextInt(dimension)] = 1.0f; // never all zero, which normalisation refuses
    return round % 3 == 0 ? Vectors.normalisedCopy(vector, dimension, "sample") : vector;
  }

  /** A digest of {@code kernel} applied to {@code rounds} seeded pairs per dimension. */
  static long digest(long seed, int rounds, ToLongFunction<float[][]> kernel) {
    Xoshiro256 random = new Xoshiro256(seed);
    long digest = seed;
    for (int dimension : DIMENSIONS) {
      for (int round = 0; round < rounds; round++) {
        float[][] pair = {vector(random, dimension, round), vector(random, dimension, round)};
        digest = digest * 0x9E3779B97F4A7C15L + kernel.applyAsLong(pair);
      }
    }
    return digest;
  }

  /** The raw bits of a float, for digests that tell {@code 0.0f} from {@code -0.0f}. */
  static long bits(float value) {
    return Float.floatToRawIntBits(value) & 0xFFFF_FFFFL;
  }

  /** Prints the kernel in use and the dot-product digest; run in a JVM without the module. */
  public static void main(String[] args) {
    System.out.println(Vectors.kernelName());
    System.out.println(digest(1, 50, pair -> bits(Vectors.dot(pair[0], pair[1]))));
  }
}
