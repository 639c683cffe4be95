package io.detsim.engine.index;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.detsim.sim.random.Xoshiro256;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class VectorsTest {

  private static float distance(float[] a, float[] b) {
    return Vectors.distance(Vectors.normalisedCopy(a, a.length, "a"), Vectors.normalisedCopy(b, b.length, "b"));
  }

  @Test
  void distance_isOneMinusCosine() {
    assertThat(distance(new float[] {1, 0}, new float[] {3, 0})).isEqualTo(0.0f);
    assertThat(distance(new float[] {1, 0}, new float[] {0, 2})).isEqualTo(1.0f, within(1e-7f));
    assertThat(distance(new float[] {1, 0}, new float[] {-5, 0})).isEqualTo(2.0f, within(1e-7f));
    assertThat(distance(new float[] {1, 1}, new float[] {1, 0}))
        .isEqualTo((float) (1 - StrictMath.sqrt(0.5)), within(1e-6f));
  }

  @Test
  void distance_ofAVectorToItselfIsPositiveZero() {
    float[] vector = TestVectors.randomVector(new Xoshiro256(7), 768);
    float self = distance(vector, vector);

    assertThat(Float.floatToRawIntBits(self)).isEqualTo(Float.floatToRawIntBits(0.0f));
  }

  @Test
  void distance_isSymmetric() {
    Xoshiro256 random = new Xoshiro256(11);
    for (int i = 0; i < 100; i++) {
      float[] a = TestVectors.randomVector(random, 33);
      float[] b = TestVectors.randomVector(random, 33);
      assertThat(distance(a, b)).isEqualTo(distance(b, a));
    }
  }

  @Test
  void distances_areBitForBitFourSingleDistances() {
    Xoshiro256 random = new Xoshiro256(13);
    // Every remainder of the four-lane blocking, a length below one block, and the original's 768.
    for (int dimension : new int[] {1, 2, 3, 4, 5, 6, 7, 8, 9, 31, 32, 33, 127, 128, 768}) {
      for (int round = 0; round < 20; round++) {
        float[] query = unit(random, dimension);
        float[][] others = {unit(random, dimension), unit(random, dimension), query, unit(random, dimension)};
        float[] out = {-1, -1, -1, -1, -1, -1};

        Vectors.distances(query, others[0], others[1], others[2], others[3], out, 1);

        for (int i = 0; i < 4; i++) {
          assertThat(Float.floatToRawIntBits(out[i + 1]))
              .as("dimension %d, vector %d", dimension, i)
              .isEqualTo(Float.floatToRawIntBits(Vectors.distance(query, others[i])));
        }
        assertThat(out[0]).isEqualTo(-1);
        assertThat(out[5]).isEqualTo(-1);
      }
    }
  }

  @Test
  void distances8_areBitForBitEightSingleDistances() {
    Xoshiro256 random = new Xoshiro256(17);
    for (int dimension : new int[] {1, 3, 4, 5, 8, 33, 128, 768}) {
      float[][] vectors = new float[12][];
      for (int i = 0; i < vectors.length; i++) {
        vectors[i] = unit(random, dimension);
      }
      float[] query = vectors[5];
      int[] nodes = {0, 11, 3, 5, 7, 1, 9, 2, 10, 4};
      float[] out = new float[nodes.length];
      Arrays.fill(out, -1);

      Vectors.distances8(query, vectors, nodes, 1, out);

      for (int i = 1; i <= 8; i++) {
        assertThat(Float.floatToRawIntBits(out[i]))
            .as("dimension %d, slot %d", dimension, i)
            .isEqualTo(Float.floatToRawIntBits(Vectors.distance(query, vectors[nodes[i]])));
      }
      assertThat(out[0]).isEqualTo(-1);
      assertThat(out[9]).isEqualTo(-1);
    }
  }

  private static float[] unit(Xoshiro256 random, int dimension) {
    return Vectors.normalisedCopy(TestVectors.randomVector(random, dimension), dimension, "test");
  }

  @Test
  void normalisedCopy_hasUnitNormAndLeavesTheInputAlone() {
    float[] vector = {3, 4};
    float[] unit = Vectors.normalisedCopy(vector, 2, "test");

    assertThat(unit).containsExactly(0.6f, 0.8f);
    assertThat(vector).containsExactly(3, 4);
  }

  @Test
  void normalisedCopy_rejectsWrongDimension() {
    assertThatThrownBy(() -> Vectors.normalisedCopy(new float[3], 4, "inserted"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("inserted vector has dimension 3, expected 4");
  }

  @Test
  void normalisedCopy_rejectsNaN() {
    assertThatThrownBy(() -> Vectors.normalisedCopy(new float[] {1, Float.NaN}, 2, "inserted"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("inserted vector component 1 is NaN");
  }

  @Test
  void normalisedCopy_rejectsInfinity() {
    assertThatThrownBy(() -> Vectors.normalisedCopy(new float[] {Float.NEGATIVE_INFINITY, 1}, 2, "query"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("query vector component 0 is infinite (-Infinity)");
  }

  @Test
  void normalisedCopy_rejectsZeroNorm() {
    assertThatThrownBy(() -> Vectors.normalisedCopy(new float[] {0, -0.0f}, 2, "inserted"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("zero norm");
  }

  @Test
  void normalisedCopy_rejectsNull() {
    assertThatThrownBy(() -> Vectors.normalisedCopy(null, 2, "inserted"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("inserted vector is null");
  }

  @Test
  void distanceKey_ordersByDistanceThenNode() {
    long near = DistanceKey.of(0.25f, 9);
    long far = DistanceKey.of(0.5f, 1);
    long tie = DistanceKey.of(0.25f, 10);

    assertThat(near).isLessThan(tie).isLessThan(far);
    assertThat(DistanceKey.of(0.0f, 0)).isLessThan(DistanceKey.of(Float.MIN_VALUE, 0));
    assertThat(DistanceKey.distance(tie)).isEqualTo(0.25f);
    assertThat(DistanceKey.node(tie)).isEqualTo(10);
  }

  /**
   * The vector itself exactly when normalising it changes no bit (almost always for what the
   * normalisation made: it is nearly a fixed point), a normalised copy otherwise, and the same bits
   * as {@link Vectors#normalisedCopy} either way.
   */
  @Test
  void unitOf_isTheVectorItself_exactlyWhenNormalisingChangesNoBit() {
    Xoshiro256 random = new Xoshiro256(17);
    int kept = 0;
    int tried = 0;
    for (int dimension : new int[] {1, 2, 3, 16, 128, 768}) {
      for (int round = 0; round < 50; round++) {
        float[] raw = TestVectors.randomVector(random, dimension);
        float[] unit = Vectors.normalisedCopy(raw, dimension, "test");
        for (float[] given : new float[][] {raw, unit}) {
          float[] result = Vectors.unitOf(given, dimension, "test");
          boolean fixedPoint = Arrays.equals(Vectors.normalisedCopy(given, dimension, "test"), given);
          assertThat(result).isEqualTo(Vectors.normalisedCopy(given, dimension, "test"));
          assertThat(result == given).as("kept iff a fixed point, dimension %d", dimension).isEqualTo(fixedPoint);
          if (given == unit) {
            tried++;
            kept += fixedPoint ? 1 : 0;
          }
        }
      }
    }
    assertThat(kept).as("normalised vectors kept as they are").isGreaterThan(tried * 9 / 10);
    assertThatThrownBy(() -> Vectors.unitOf(new float[] {0, 0}, 2, "inserted"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("zero norm");
  }
}
