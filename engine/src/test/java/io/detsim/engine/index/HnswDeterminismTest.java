package io.detsim.engine.index;

import static org.assertj.core.api.Assertions.assertThat;

import io.detsim.sim.random.Xoshiro256;
import org.junit.jupiter.api.Test;

/** Same seed and inserts, same graph: the premise of replaying a simulation from its seed. */
class HnswDeterminismTest {
  private static final int DIMENSION = 16;
  private static final float[][] VECTORS = TestVectors.randomVectors(41, 3000, DIMENSION);

  private static HnswIndex build(long levelSeed) {
    HnswIndex index = new HnswIndex(HnswParams.defaults(DIMENSION), new Xoshiro256(levelSeed));
    for (int i = 0; i < VECTORS.length; i++) {
      index.insert(i * 7L, VECTORS[i], i / 10);
    }
    return index;
  }

  @Test
  void build_withTheSameSeedGivesTheSameGraph() {
    HnswIndex first = build(42);
    HnswIndex second = build(42);

    assertThat(second.structuralDigest()).isEqualTo(first.structuralDigest());
    float[] query = TestVectors.randomVector(new Xoshiro256(43), DIMENSION);
    assertThat(second.search(query, 10, 150)).isEqualTo(first.search(query, 10, 150));
  }

  @Test
  void build_withAnotherSeedGivesAnotherGraph() {
    assertThat(build(44).structuralDigest()).isNotEqualTo(build(42).structuralDigest());
  }

  @Test
  void digest_changesWhenOneEdgeChanges() {
    HnswIndex index = build(42);
    long before = index.structuralDigest();
    HnswGraph graph = index.graphForTest();
    int first = DistanceKey.node(graph.neighbours(0, 0)[1]);

    graph.removeNeighbour(0, 0, first);

    assertThat(index.structuralDigest()).isNotEqualTo(before);
  }
}
