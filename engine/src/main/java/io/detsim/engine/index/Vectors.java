package io.detsim.engine.index;

/**
 * Cosine distance over unit vectors, and the validation that keeps bad input out of the graph.
 *
 * <p>Vectors are normalised once, when they enter, so that a distance is {@code 1 - dot}: one pass
 * with no square root. The dot product is summed in four fixed lanes: Java never reorders
 * floating-point sums, so the result is the same on every JVM, and the lanes let the CPU overlap
 * the additions.
 */
final class Vectors {
  private Vectors() {}

  /**
   * A unit-length copy of {@code vector}.
   *
   * @throws IllegalArgumentException if the dimension is wrong, a component is NaN or infinite, or
   *     the norm is zero (cosine distance is undefined for the zero vector)
   */
  static float[] normalisedCopy(float[] vector, int dimension, String role) {
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
    double norm = StrictMath.sqrt(sumOfSquares);
    float[] unit = new float[vector.length];
    for (int i = 0; i < vector.length; i++) {
      unit[i] = (float) (vector[i] / norm);
    }
    return unit;
  }

  /**
   * {@code 1 - dot(a, b)} of two unit vectors, clamped to be at least {@code +0.0}: rounding can
   * make the dot product of a vector with itself exceed 1 slightly, and a negative distance would
   * break {@link DistanceKey}'s ordering.
   */
  static float distance(float[] a, float[] b) {
    float distance = 1.0f - dot(a, b);
    return distance > 0.0f ? distance : 0.0f;
  }

  static float dot(float[] a, float[] b) {
    int length = a.length;
    int blocked = length & ~3;
    float lane0 = 0.0f;
    float lane1 = 0.0f;
    float lane2 = 0.0f;
    float lane3 = 0.0f;
    for (int i = 0; i < blocked; i += 4) {
      lane0 += a[i] * b[i];
      lane1 += a[i + 1] * b[i + 1];
      lane2 += a[i + 2] * b[i + 2];
      lane3 += a[i + 3] * b[i + 3];
    }
    for (int i = blocked; i < length; i++) {
      lane0 += a[i] * b[i];
    }
    return (lane0 + lane1) + (lane2 + lane3);
  }
}
