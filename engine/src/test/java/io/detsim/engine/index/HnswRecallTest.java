package io.detsim.engine.index;

import static org.assertj.core.api.Assertions.assertThat;

import io.detsim.sim.random.Xoshiro256;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Regression test of search quality: recall@10 against brute force on 10,000 random unit vectors
 * of dimension 32, with the engine's parameters (M 16, M0 32, efConstruction 200, efSearch 64).
 * Uniform random directions are a hard case for any ANN index (no clusters to exploit), so the bar
 * of 0.95 guards the neighbour selection, the symmetric pruning and the search beam together.
 */
class HnswRecallTest {
  private static final int DIMENSION = 32;
  private static final int COUNT = 10_000;
  private static final int QUERIES = 200;
  private static final int K = 10;

  @Test
  void recallAt10_isAtLeast95Percent() {
    long seed = 51;
    System.out.println("HnswRecallTest seed=" + seed);
    float[][] vectors = TestVectors.randomVectors(seed, COUNT, DIMENSION);
    HnswIndex index = new HnswIndex(HnswParams.defaults(DIMENSION), new Xoshiro256(seed + 1));

    for (int i = 0; i < COUNT; i++) {
      index.insert(i, vectors[i], 0);
    }

    Xoshiro256 random = new Xoshiro256(seed + 2);
    int hits = 0;
    for (int q = 0; q < QUERIES; q++) {
      float[] query = TestVectors.randomVector(random, DIMENSION);
      long[] exact = TestVectors.bruteForce(vectors, query, K);
      List<Neighbour> found = index.search(query, K, Long.MAX_VALUE);
      for (Neighbour neighbour : found) {
        for (long id : exact) {
          hits += neighbour.id() == id ? 1 : 0;
        }
      }
    }
    double recall = hits / (double) (QUERIES * K);
    // Quality only: how fast the index builds and searches is measured by the benchmarks module's
    // HnswBenchmark (JMH) and HnswInsertCpuTime, not here.
    System.out.printf("HnswRecallTest: recall@%d=%.4f maxLevel=%d%n", K, recall, index.maxLevel());

    assertThat(recall).isGreaterThanOrEqualTo(0.95);
    assertThat(index.checkIntegrity()).isEmpty();
  }
}
