package io.detsim.engine.index;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.detsim.sim.random.Xoshiro256;
import java.util.Arrays;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

class HnswIndexTest {
  private static final int DIMENSION = 16;

  private static HnswIndex newIndex(long seed) {
    return new HnswIndex(HnswParams.defaults(DIMENSION), new Xoshiro256(seed));
  }

  private static float[] axis(int axis) {
    float[] vector = new float[DIMENSION];
    vector[axis] = 1;
    return vector;
  }

  private static Set<Long> ids(List<Neighbour> neighbours) {
    return neighbours.stream().map(Neighbour::id).collect(Collectors.toCollection(TreeSet::new));
  }

  private static Set<Long> range(long fromInclusive, long toExclusive) {
    return LongStream.range(fromInclusive, toExclusive).boxed().collect(Collectors.toCollection(TreeSet::new));
  }

  @Test
  void emptyIndex_findsNothingAndIsSound() {
    HnswIndex index = newIndex(1);

    assertThat(index.search(axis(0), 5, Long.MAX_VALUE)).isEmpty();
    assertThat(index.size()).isZero();
    assertThat(index.maxLevel()).isEqualTo(-1);
    assertThat(index.entryPoint()).isEmpty();
    assertThat(index.checkIntegrity()).isEmpty();
  }

  @Test
  void insert_ofAKnownIdIsANoOp() {
    float[][] vectors = TestVectors.randomVectors(2, 300, DIMENSION);
    HnswIndex index = newIndex(3);
    HnswIndex reference = newIndex(3);
    for (int i = 0; i < 200; i++) {
      index.insert(i, vectors[i], 1);
      reference.insert(i, vectors[i], 1);
    }
    long before = index.structuralDigest();

    // A re-delivered batch: same ids, even with other vectors and generations.
    for (int i = 0; i < 200; i++) {
      assertThat(index.insert(i, vectors[299 - i], 7)).isFalse();
    }

    assertThat(index.size()).isEqualTo(200);
    assertThat(index.structuralDigest()).isEqualTo(before);
    assertThat(index.generationOf(5)).isEqualTo(1);
    // The duplicates drew no level: later inserts build the same graph as without them.
    for (int i = 200; i < 300; i++) {
      assertThat(index.insert(i, vectors[i], 2)).isTrue();
      reference.insert(i, vectors[i], 2);
    }
    assertThat(index.structuralDigest()).isEqualTo(reference.structuralDigest());
  }

  @Test
  void insert_rejectsBadInputWithoutChangingTheIndex() {
    HnswIndex index = newIndex(4);
    index.insert(1, axis(1), 0);

    assertThatThrownBy(() -> index.insert(2, new float[DIMENSION - 1], 0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("inserted vector has dimension 15, expected 16");
    float[] nan = axis(0);
    nan[3] = Float.NaN;
    assertThatThrownBy(() -> index.insert(2, nan, 0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("inserted vector component 3 is NaN");
    float[] infinite = axis(0);
    infinite[4] = Float.POSITIVE_INFINITY;
    assertThatThrownBy(() -> index.insert(2, infinite, 0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("inserted vector component 4 is infinite (Infinity)");
    assertThatThrownBy(() -> index.insert(2, new float[DIMENSION], 0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("zero norm");
    assertThatThrownBy(() -> index.insert(2, axis(0), -1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("generation must not be negative: -1");

    assertThat(index.size()).isEqualTo(1);
    assertThat(index.contains(2)).isFalse();
  }

  @Test
  void search_rejectsBadQueries() {
    HnswIndex index = newIndex(5);
    index.insert(1, axis(1), 0);

    assertThatThrownBy(() -> index.search(new float[3], 1, Long.MAX_VALUE))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("query vector has dimension 3, expected 16");
    assertThatThrownBy(() -> index.search(new float[DIMENSION], 1, Long.MAX_VALUE))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("zero norm");
    assertThatThrownBy(() -> index.search(axis(0), 0, Long.MAX_VALUE))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("k and ef must be positive");
  }

  @Test
  void search_findsAnInsertedVectorAtDistanceZero() {
    float[][] vectors = TestVectors.randomVectors(6, 1000, DIMENSION);
    HnswIndex index = newIndex(7);
    for (int i = 0; i < vectors.length; i++) {
      index.insert(1000 + i, vectors[i], i);
    }

    List<Neighbour> found = index.search(vectors[123], 1, Long.MAX_VALUE);

    assertThat(found).containsExactly(new Neighbour(1123, 0.0f, 123));
  }

  @Test
  void search_sortsByDistanceThenId() {
    HnswIndex index = newIndex(8);
    // Equal vectors under ids inserted out of order: equal distances, so id decides.
    for (long id : new long[] {42, -7, 13, 99, 0}) {
      index.insert(id, axis(2), 1);
    }
    float[] far = axis(2);
    far[3] = 1; // 45 degrees away
    index.insert(5, far, 1);

    List<Neighbour> found = index.search(axis(2), 6, Long.MAX_VALUE);

    assertThat(found).extracting(Neighbour::id).containsExactly(-7L, 0L, 13L, 42L, 99L, 5L);
    assertThat(found.get(5).distance()).isGreaterThan(0.2f);
  }

  @Test
  void search_cutAtKBreaksTiesById() {
    HnswIndex index = newIndex(8);
    // Five equal vectors: the two returned must be the two smallest ids, not the first two inserted.
    for (long id : new long[] {42, -7, 13, 99, 0}) {
      index.insert(id, axis(2), 1);
    }

    List<Neighbour> found = index.search(axis(2), 2, Long.MAX_VALUE);

    assertThat(found).extracting(Neighbour::id).containsExactly(-7L, 0L);
  }

  @Test
  void search_atAGenerationSeesExactlyTheNodesAtOrBelowIt() {
    float[][] vectors = TestVectors.randomVectors(9, 600, DIMENSION);
    HnswIndex index = newIndex(10);
    for (int i = 0; i < vectors.length; i++) {
      index.insert(i, vectors[i], i / 100); // generations 0..5, 100 nodes each
    }

    for (long g = 0; g <= 5; g++) {
      long generation = g;
      List<Neighbour> all = index.search(vectors[0], vectors.length, vectors.length, generation);
      assertThat(ids(all)).as("generation %d", generation).isEqualTo(range(0, (generation + 1) * 100));
      assertThat(all).allSatisfy(n -> assertThat(n.generation()).isLessThanOrEqualTo(generation));
    }
    assertThat(index.search(vectors[0], 10, -1)).isEmpty();
  }

  @Test
  void search_withFilterStillReturnsKWhenNewerNodesCrowdTheQuery() {
    // 30 old nodes scattered; 2,000 newer nodes packed around the query, between it and the old.
    HnswIndex index = newIndex(11);
    float[][] old = TestVectors.randomVectors(12, 30, DIMENSION);
    for (int i = 0; i < old.length; i++) {
      index.insert(i, old[i], 1);
    }
    Xoshiro256 random = new Xoshiro256(13);
    float[] query = axis(0);
    for (int i = 0; i < 2000; i++) {
      float[] near = TestVectors.randomVector(random, DIMENSION);
      for (int d = 0; d < DIMENSION; d++) {
        near[d] = near[d] * 0.05f + query[d];
      }
      index.insert(1000 + i, near, 2);
    }

    List<Neighbour> found = index.search(query, 10, 10, 1);

    assertThat(found).hasSize(10);
    assertThat(found).extracting(Neighbour::id).containsExactly(
        LongStream.of(TestVectors.bruteForce(old, query, 10)).boxed().toArray(Long[]::new));
  }

  @Test
  void accessors_describeTheNodes() {
    HnswIndex index = new HnswIndex(
        HnswParams.defaults(DIMENSION),
        TestVectors.scripted(TestVectors.forLevel(0, 16), TestVectors.forLevel(2, 16), TestVectors.forLevel(1, 16)));
    index.insert(10, axis(0), 3);
    index.insert(20, axis(1), 4);
    index.insert(30, axis(2), 5);

    assertThat(index.size()).isEqualTo(3);
    assertThat(index.contains(20)).isTrue();
    assertThat(index.contains(21)).isFalse();
    assertThat(index.generationOf(30)).isEqualTo(5);
    assertThat(index.levelOf(20)).isEqualTo(2);
    assertThat(index.maxLevel()).isEqualTo(2);
    assertThat(index.entryPoint()).hasValue(20);
    assertThat(index.neighboursOf(30, 1)).containsExactly(20);
    assertThat(index.neighboursOf(20, 0)).containsExactlyInAnyOrder(10, 30);
    assertThat(index.neighboursOf(10, 1)).isEmpty();
    assertThatThrownBy(() -> index.generationOf(99))
        .isInstanceOf(NoSuchElementException.class)
        .hasMessage("no node with id 99");
  }

  @Test
  void levels_followTheGeometricDistribution() {
    // A narrow beam and four dimensions: this test is about levels, not search quality.
    HnswIndex index = new HnswIndex(new HnswParams(16, 32, 16, 16, 16, 4), new Xoshiro256(14));
    Xoshiro256 random = new Xoshiro256(15);
    int count = 20_000;
    for (int i = 0; i < count; i++) {
      index.insert(i, TestVectors.randomVector(random, 4), 0);
    }
    int aboveZero = 0;
    for (int i = 0; i < count; i++) {
      aboveZero += index.levelOf(i) > 0 ? 1 : 0;
    }

    // P(level >= 1) = 1/M = 1/16: 1,250 expected, standard deviation about 34.
    assertThat(aboveZero).isBetween(1100, 1400);
    assertThat(index.maxLevel()).isBetween(2, 5);
  }

  @Test
  void edges_cacheTheDistanceBetweenTheirEnds() {
    // Pruning trusts the distance stored with each edge; a stale one would prune the wrong edge.
    float[][] vectors = TestVectors.randomVectors(16, 2000, DIMENSION);
    HnswIndex index = newIndex(17);
    for (int i = 0; i < vectors.length; i++) {
      index.insert(i, vectors[i], 0);
    }
    HnswGraph graph = index.graphForTest();

    for (int node = 0; node < graph.size(); node++) {
      for (int layer = 0; layer <= graph.level(node); layer++) {
        long[] list = graph.neighbours(node, layer);
        for (int i = 1; i <= list[0]; i++) {
          int target = DistanceKey.node(list[i]);
          assertThat(DistanceKey.distance(list[i]))
              .isEqualTo(Vectors.distance(graph.vector(node), graph.vector(target)))
              .isEqualTo(Vectors.distance(graph.vector(target), graph.vector(node)));
        }
      }
    }
  }

  /**
   * The engine passes the array its held observation keeps for snapshots: a unit vector must be
   * kept as that very array (one copy of the embedding, not two), anything else copied and
   * normalised, and the graph must come out bit for bit as {@link HnswIndex#insert} builds it.
   */
  @Test
  void insertShared_keepsAUnitVectorItself_copiesAnyOther_andBuildsTheSameGraph() {
    Xoshiro256 random = new Xoshiro256(5);
    HnswIndex shared = newIndex(9);
    HnswIndex copied = newIndex(9);
    float[][] unit = new float[300][];
    float[][] raw = new float[300][];
    for (int i = 0; i < 300; i++) {
      raw[i] = TestVectors.randomVector(random, DIMENSION);
      unit[i] = Vectors.normalisedCopy(raw[i], DIMENSION, "test");
      float[] given = i % 2 == 0 ? unit[i] : raw[i];
      shared.insertShared(i, given, i + 1);
      copied.insert(i, given.clone(), i + 1);
    }

    HnswGraph graph = shared.graphForTest();
    for (int i = 0; i < 300; i++) {
      float[] kept = graph.vector(graph.indexOf(i));
      if (i % 2 == 0 && Arrays.equals(Vectors.normalisedCopy(unit[i], DIMENSION, "test"), unit[i])) {
        assertThat(kept).as("unit vector %d kept as the caller's array", i).isSameAs(unit[i]);
      } else {
        assertThat(kept).as("vector %d copied", i).isNotSameAs(raw[i]).isEqualTo(unit[i]);
      }
    }
    assertThat(shared.structuralDigest()).isEqualTo(copied.structuralDigest());
    assertThat(shared.search(raw[7], 10, Long.MAX_VALUE)).isEqualTo(copied.search(raw[7], 10, Long.MAX_VALUE));
  }
}
