package io.detsim.engine.index;

import java.util.Optional;

/**
 * Cosine distance over unit vectors, and the validation that keeps bad input out of the graph.
 *
 * <p>Vectors are normalised once, when they enter, so that a distance is {@code 1 - dot}: one pass
 * with no square root. {@link ScalarKernels} defines how a dot product is summed (four fixed lanes,
 * then a fixed combine); {@link VectorKernels} computes the same sums with the Vector API, bit for
 * bit, several times faster for the batched kernels. Which one runs is decided once, when this class
 * is initialised, and cannot change the result, so a seed gives the same trace on every machine
 * and JDK either way:
 *
 * <ul>
 *   <li>the vector kernels when the {@code jdk.incubator.vector} module is in the boot layer and
 *       readable (the JVM was started with {@code --add-modules jdk.incubator.vector}, as
 *       {@code ./detsim} and the build's tests do) and the machine has vector registers of four
 *       floats or more;
 *   <li>the scalar kernels otherwise, silently, or when the system property {@code detsim.vectors}
 *       is {@code scalar} (to measure the difference, or to rule the vector path out).
 * </ul>
 *
 * <p>The choice is a constant, so the JIT folds the test away and inlines one kernel.
 */
final class Vectors {
  /** Whether the Vector API kernels run; see the class comment. */
  static final boolean VECTORISED = shouldVectorise(System.getProperty("detsim.vectors", "auto"));

  private Vectors() {}

  /** A name for the kernels in use, for logs and benchmarks. */
  static String kernelName() {
    return VECTORISED ? "vector (jdk.incubator.vector, 4 float lanes)" : "scalar";
  }

  /**
   * A unit-length copy of {@code vector}.
   *
   * @throws IllegalArgumentException if the dimension is wrong, a component is NaN or infinite, or
   *     the norm is zero (cosine distance is undefined for the zero vector)
   */
  static float[] normalisedCopy(float[] vector, int dimension, String role) {
    double norm = checkedNorm(vector, dimension, role);
    return scaled(vector, norm);
  }

  /**
   * {@code vector} itself when it is already a unit vector in this class's exact sense (normalising
   * it would change no bit: what {@link #normalisedCopy} makes, and what the engine's own clients
   * send), else {@link #normalisedCopy}. Either way the result holds the same bits as {@link
   * #normalisedCopy} would, so no distance and no search result changes; only the engine then keeps
   * one copy of the embedding instead of two. The caller must never write {@code vector} afterwards.
   */
  static float[] unitOf(float[] vector, int dimension, String role) {
    double norm = checkedNorm(vector, dimension, role);
    for (int i = 0; i < vector.length; i++) {
      if (Float.floatToRawIntBits((float) (vector[i] / norm)) != Float.floatToRawIntBits(vector[i])) {
        return scaled(vector, norm);
      }
    }
    return vector;
  }

  private static float[] scaled(float[] vector, double norm) {
    float[] unit = new float[vector.length];
    for (int i = 0; i < vector.length; i++) {
      unit[i] = (float) (vector[i] / norm);
    }
    return unit;
  }

  /** The Euclidean norm of a valid vector; see {@link #normalisedCopy} for what is invalid. */
  private static double checkedNorm(float[] vector, int dimension, String role) {
    if (vector == null) {
      throw new IllegalArgumentException(role + " vector is null");
    }
    if (vector.length != dimension) {
      throw new IllegalArgumentException(
          role + " vector has dimension " + vector.length + ", expected " + dimension);
    }
    double sumOfSquares = 0.0;
    for (int i = 0; i < vector.length; i++) {
      float component = vector[i];
      if (Float.isNaN(component)) {
        throw new IllegalArgumentException(role + " vector component " + i + " is NaN");
      }
      if (Float.isInfinite(component)) {
        throw new IllegalArgumentException(role + " vector component " + i + " is infinite (" + component + ")");
      }
      sumOfSquares += (double) component * component;
    }
    if (sumOfSquares == 0.0) {
      throw new IllegalArgumentException(role + " vector has zero norm: cosine distance is undefined for it");
    }
    return StrictMath.sqrt(sumOfSquares);
  }

  /**
   * {@code 1 - dot(a, b)} of two unit vectors, clamped to be at least {@code +0.0}: rounding can
   * make the dot product of a vector with itself exceed 1 slightly, and a negative distance would
   * break {@link DistanceKey}'s ordering.
   */
  static float distance(float[] a, float[] b) {
    return VECTORISED ? VectorKernels.distance(a, b) : ScalarKernels.distance(a, b);
  }

  /**
   * The {@link #distance}s from {@code query} to {@code a}, {@code b}, {@code c} and {@code d},
   * written to {@code out[offset..offset + 4)}: bit for bit what four calls of {@link #distance}
   * give, computed in one pass.
   */
  static void distances(float[] query, float[] a, float[] b, float[] c, float[] d, float[] out, int offset) {
    if (VECTORISED) {
      VectorKernels.distances(query, a, b, c, d, out, offset);
    } else {
      ScalarKernels.distances(query, a, b, c, d, out, offset);
    }
  }

  /**
   * The {@link #distance}s from {@code query} to the eight vectors {@code vectors[nodes[from..from +
   * 8)]}, written to {@code out[from..from + 8)}: bit for bit what eight calls of {@link #distance}
   * give.
   */
  static void distances8(float[] query, float[][] vectors, int[] nodes, int from, float[] out) {
    if (VECTORISED) {
      VectorKernels.distances8(query, vectors, nodes, from, out);
    } else {
      ScalarKernels.distances8(query, vectors, nodes, from, out);
    }
  }

  static float dot(float[] a, float[] b) {
    return VECTORISED ? VectorKernels.dot(a, b) : ScalarKernels.dot(a, b);
  }

  /** A distance is never below {@code +0.0}; see {@link #distance}. */
  static float clamped(float distance) {
    return distance > 0.0f ? distance : 0.0f;
  }

  /**
   * Whether to use {@link VectorKernels}, given the {@code detsim.vectors} property. The module is
   * looked up before {@link VectorKernels} is touched: without it, loading that class would fail.
   * Any linkage error (an incubator API changed under a future JDK) falls back to scalar code,
   * which gives the same results.
   */
  private static boolean shouldVectorise(String property) {
    if (property.equals("scalar")) {
      return false;
    }
    Optional<Module> module = ModuleLayer.boot().findModule("jdk.incubator.vector");
    if (module.isEmpty() || !Vectors.class.getModule().canRead(module.get())) {
      return false;
    }
    try {
      return VectorKernels.isFast();
    } catch (LinkageError e) {
      return false;
    }
  }
}
