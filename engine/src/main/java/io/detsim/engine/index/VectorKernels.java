package io.detsim.engine.index;

import static io.detsim.engine.index.Vectors.clamped;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * {@link ScalarKernels} computed with the Vector API ({@code jdk.incubator.vector}), bit for bit:
 * the only class that names the incubator module, loaded only when {@link Vectors} has found the
 * module readable.
 *
 * <p>The scalar kernels sum a dot product in four lanes, lane {@code k} taking components
 * {@code k, k + 4, k + 8, ...} in order. A vector of exactly four floats ({@link
 * FloatVector#SPECIES_128}, never the preferred species, whose width differs between AVX2,
 * AVX-512 and NEON) holds those four lanes: one lanewise multiply and one lanewise add per block of
 * four perform, in each lane, the very multiplication and addition the scalar code performs, each
 * rounded once (no fused multiply-add: Java's {@code a += x * y} rounds twice). The components past
 * the last whole block go into lane 0 in scalar code, and the lanes are read out one by one and
 * combined as {@code (lane0 + lane1) + (lane2 + lane3)}, as the scalar code does; a lane reduction
 * ({@code reduceLanes}) is never used, since its order is unspecified.
 *
 * <p>One dot product stays a chain of dependent additions per lane, so {@link #dot} gains little.
 * The batched kernels gain most: eight (or four) accumulators are independent, and a block of four
 * components of eight vectors costs one load of the query, eight loads, eight multiplies and eight
 * adds instead of 36 loads, 32 multiplies and 32 adds.
 */
final class VectorKernels {
  private static final VectorSpecies<Float> FOUR = FloatVector.SPECIES_128;

  private VectorKernels() {}

  /**
   * Whether this machine has vector registers of at least four floats: otherwise the Vector API
   * runs in plain Java, correct but far slower than {@link ScalarKernels}.
   */
  static boolean isFast() {
    return FOUR.length() == 4 && FloatVector.SPECIES_PREFERRED.length() >= FOUR.length();
  }

  static float distance(float[] a, float[] b) {
    return clamped(1.0f - dot(a, b));
  }

  static float dot(float[] a, float[] b) {
    int length = a.length;
    int blocked = length & ~3;
    FloatVector lanes = FloatVector.zero(FOUR);
    for (int i = 0; i < blocked; i += 4) {
      lanes = lanes.add(FloatVector.fromArray(FOUR, a, i).mul(FloatVector.fromArray(FOUR, b, i)));
    }
    float lane0 = lanes.lane(0);
    for (int i = blocked; i < length; i++) {
      lane0 += a[i] * b[i];
    }
    return (lane0 + lanes.lane(1)) + (lanes.lane(2) + lanes.lane(3));
  }

  /** {@link ScalarKernels#distances}, bit for bit. */
  static void distances(float[] query, float[] a, float[] b, float[] c, float[] d, float[] out, int offset) {
    int length = query.length;
    int blocked = length & ~3;
    FloatVector sumA = FloatVector.zero(FOUR);
    FloatVector sumB = sumA;
    FloatVector sumC = sumA;
    FloatVector sumD = sumA;
    for (int i = 0; i < blocked; i += 4) {
      FloatVector q = FloatVector.fromArray(FOUR, query, i);
      sumA = sumA.add(q.mul(FloatVector.fromArray(FOUR, a, i)));
      sumB = sumB.add(q.mul(FloatVector.fromArray(FOUR, b, i)));
      sumC = sumC.add(q.mul(FloatVector.fromArray(FOUR, c, i)));
      sumD = sumD.add(q.mul(FloatVector.fromArray(FOUR, d, i)));
    }
    out[offset] = distance(sumA, query, a, blocked);
    out[offset + 1] = distance(sumB, query, b, blocked);
    out[offset + 2] = distance(sumC, query, c, blocked);
    out[offset + 3] = distance(sumD, query, d, blocked);
  }

  /** {@link ScalarKernels#distances8}, bit for bit. */
  static void distances8(float[] query, float[][] vectors, int[] nodes, int from, float[] out) {
    int length = query.length;
    int blocked = length & ~3;
    float[] a = vectors[nodes[from + 0]];
    float[] b = vectors[nodes[from + 1]];
    float[] c = vectors[nodes[from + 2]];
    float[] d = vectors[nodes[from + 3]];
    float[] e = vectors[nodes[from + 4]];
    float[] f = vectors[nodes[from + 5]];
    float[] g = vectors[nodes[from + 6]];
    float[] h = vectors[nodes[from + 7]];
    FloatVector sumA = FloatVector.zero(FOUR);
    FloatVector sumB = sumA;
    FloatVector sumC = sumA;
    FloatVector sumD = sumA;
    FloatVector sumE = sumA;
    FloatVector sumF = sumA;
    FloatVector sumG = sumA;
    FloatVector sumH = sumA;
    for (int i = 0; i < blocked; i += 4) {
      FloatVector q = FloatVector.fromArray(FOUR, query, i);
      sumA = sumA.add(q.mul(FloatVector.fromArray(FOUR, a, i)));
      sumB = sumB.add(q.mul(FloatVector.fromArray(FOUR, b, i)));
      sumC = sumC.add(q.mul(FloatVector.fromArray(FOUR, c, i)));
      sumD = sumD.add(q.mul(FloatVector.fromArray(FOUR, d, i)));
      sumE = sumE.add(q.mul(FloatVector.fromArray(FOUR, e, i)));
      sumF = sumF.add(q.mul(FloatVector.fromArray(FOUR, f, i)));
      sumG = sumG.add(q.mul(FloatVector.fromArray(FOUR, g, i)));
      sumH = sumH.add(q.mul(FloatVector.fromArray(FOUR, h, i)));
    }
    out[from + 0] = distance(sumA, query, a, blocked);
    out[from + 1] = distance(sumB, query, b, blocked);
    out[from + 2] = distance(sumC, query, c, blocked);
    out[from + 3] = distance(sumD, query, d, blocked);
    out[from + 4] = distance(sumE, query, e, blocked);
    out[from + 5] = distance(sumF, query, f, blocked);
    out[from + 6] = distance(sumG, query, g, blocked);
    out[from + 7] = distance(sumH, query, h, blocked);
  }

  /**
   * The distance whose four lanes summed {@code query[0..blocked)} against {@code other}: adds the
   * remaining components into lane 0 and combines the lanes, in the scalar order.
   */
  private static float distance(FloatVector lanes, float[] query, float[] other, int blocked) {
    float lane0 = lanes.lane(0);
    for (int i = blocked; i < query.length; i++) {
      lane0 += query[i] * other[i];
    }
    return clamped(1.0f - ((lane0 + lanes.lane(1)) + (lanes.lane(2) + lanes.lane(3))));
  }
}
