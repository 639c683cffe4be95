package io.detsim.engine.index;

import static org.assertj.core.api.Assertions.assertThat;

import io.detsim.sim.random.Xoshiro256;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The incremental integrity check ({@link HnswIndex#checkIntegritySinceLastCheck}) reports exactly
 * what the full check reports, detail for detail and in the same order, on graphs corrupted in every
 * way the graph's methods allow, between checks that passed and after checks that failed.
 */
class IncrementalIntegrityTest {
  private static final int DIMENSION = 4;

  @Test
  void agreesWithTheFullCheckOnSoundGraphs() {
    HnswIndex index = new HnswIndex(new HnswParams(2, 4, 8, 8, 16, DIMENSION), new Xoshiro256(1));
    Xoshiro256 random = new Xoshiro256(2);
    for (int i = 0; i < 1_500; i++) {
      index.insert(i, TestVectors.randomVector(random, DIMENSION), i);
      if (i % 37 == 0) {
        assertThat(index.checkIntegritySinceLastCheck()).as("after insert %d", i).isEmpty();
      }
    }
    assertThat(index.checkIntegritySinceLastCheck()).isEmpty();
  }

  @Test
  void reportsWhatTheFullCheckReportsOnCorruptedGraphs() {
    int corruptedRounds = 0;
    for (long seed = 0; seed < 300; seed++) {
      Xoshiro256 random = new Xoshiro256(1_000 + seed);
      HnswParams params = new HnswParams(2 + random.nextInt(3), 4 + random.nextInt(5), 8, 8, 16, DIMENSION);
      HnswIndex index = new HnswIndex(params, new Xoshiro256(seed));
      HnswGraph graph = index.graphForTest();
      int id = 0;
      int before = 1 + random.nextInt(80);
      for (; id < before; id++) {
        index.insert(id, TestVectors.randomVector(random, DIMENSION), id);
      }
      if (random.nextInt(4) != 0) {
        assertThat(index.checkIntegritySinceLastCheck()).isEmpty(); // the baseline: sound
      }
      boolean insertsWork = true;
      for (int round = 0; round < 4; round++) {
        int inserts = random.nextInt(30);
        for (int i = 0; i < inserts && insertsWork; i++, id++) {
          insertsWork = tryInsert(index, id, random);
        }
        int corruptions = random.nextInt(3);
        for (int c = 0; c < corruptions; c++) {
          corrupt(graph, random);
        }
        // Inserts after a corruption too: they may repair it by accident, or spread it.
        int after = random.nextInt(10);
        for (int i = 0; i < after && insertsWork; i++, id++) {
          insertsWork = tryInsert(index, id, random);
        }
        List<String> incremental = texts(index.checkIntegritySinceLastCheck());
        List<String> full = texts(new IntegrityChecker(graph).check());
        assertThat(incremental).as("seed %d round %d", seed, round).isEqualTo(full);
        corruptedRounds += full.isEmpty() ? 0 : 1;
      }
    }
    assertThat(corruptedRounds).as("rounds whose graph was broken").isGreaterThan(200);
  }

  @Test
  void aLoggedRemovalIsFoundAtTheNodeThatLostItsReverseEdge() {
    HnswIndex index = new HnswIndex(new HnswParams(2, 4, 8, 8, 16, DIMENSION), new Xoshiro256(3));
    Xoshiro256 random = new Xoshiro256(4);
    for (int i = 0; i < 200; i++) {
      index.insert(i, TestVectors.randomVector(random, DIMENSION), i);
    }
    assertThat(index.checkIntegritySinceLastCheck()).isEmpty();
    HnswGraph graph = index.graphForTest();
    int target = DistanceKey.node(graph.neighbours(10, 0)[1]);
    graph.removeNeighbour(target, 0, 10); // 10 -> target now has no reverse edge; node 10 itself is untouched

    List<IntegrityViolation> found = index.checkIntegritySinceLastCheck();

    assertThat(found).hasSize(1);
    assertThat(found.get(0).invariant()).isEqualTo(IntegrityViolation.Invariant.EDGES_BIDIRECTIONAL);
    assertThat(found.get(0).nodeId()).isEqualTo(10);
    assertThat(texts(found)).isEqualTo(texts(index.checkIntegrity()));
  }

  @Test
  void anOverflowedLogFallsBackToAFullCheck() {
    HnswIndex index = new HnswIndex(new HnswParams(2, 4, 8, 8, 16, DIMENSION), new Xoshiro256(5));
    Xoshiro256 random = new Xoshiro256(6);
    index.insert(0, TestVectors.randomVector(random, DIMENSION), 0);
    assertThat(index.checkIntegritySinceLastCheck()).isEmpty();
    // The log holds 16 records a node and at least 65,536: far more inserts than that overflow it.
    for (int i = 1; i < 20_000; i++) {
      index.insert(i, TestVectors.randomVector(random, DIMENSION), i);
    }
    assertThat(index.graphForTest().changes().usable()).isFalse();
    HnswGraph graph = index.graphForTest();
    graph.removeNeighbour(DistanceKey.node(graph.neighbours(5, 0)[1]), 0, 5);

    assertThat(texts(index.checkIntegritySinceLastCheck())).isNotEmpty().isEqualTo(texts(index.checkIntegrity()));
  }

  /**
   * An insert into a graph that may be corrupted, which may trip over the corruption half-way (the
   * index asserts what it relies on): whatever it changed before that stays, and is checked.
   */
  private static boolean tryInsert(HnswIndex index, int id, Xoshiro256 random) {
    try {
      index.insert(id, TestVectors.randomVector(random, DIMENSION), id);
      return true;
    } catch (RuntimeException | AssertionError tripped) {
      return false;
    }
  }

  /** One corruption through the graph's own methods, of a kind drawn at random. */
  private static void corrupt(HnswGraph graph, Xoshiro256 random) {
    int size = graph.size();
    int node = random.nextInt(size);
    int layer = random.nextInt(graph.level(node) + 1);
    if (!graph.isOnLayer(node, layer)) {
      return;
    }
    long[] list = graph.neighbours(node, layer);
    int count = (int) list[0];
    switch (random.nextInt(8)) {
      case 0 -> { // drop one half of an edge
        if (count > 0) {
          graph.removeNeighbour(node, layer, DistanceKey.node(list[1 + random.nextInt(count)]));
        }
      }
      case 1 -> graph.append(node, layer, DistanceKey.of(0.5f, random.nextInt(size))); // maybe one-way, a duplicate
      case 2 -> graph.append(node, layer, DistanceKey.of(0.0f, node)); // self-loop
      case 3 -> { // past the degree bound, all of them existing edges' targets or anything
        for (int i = 0; i <= graph.params().maxDegree(layer); i++) {
          graph.append(node, layer, DistanceKey.of(0.25f, random.nextInt(size)));
        }
      }
      case 4 -> { // a list replaced by some of itself
        long[] kept = new long[count];
        int keep = 0;
        for (int i = 1; i <= count; i++) {
          if (random.nextInt(2) == 0) {
            kept[keep++] = list[i];
          }
        }
        graph.setNeighbours(node, layer, kept, keep);
      }
      case 5 -> graph.overwriteListForTest(node, layer, random.nextInt(size), random.nextInt(size + 3));
      case 6 -> graph.forgetLayerForTest(node, layer);
      default -> {
        int entry = random.nextInt(size);
        graph.setEntryPoint(entry, random.nextInt(graph.level(entry) + 2));
      }
    }
  }

  private static List<String> texts(List<IntegrityViolation> violations) {
    List<String> texts = new ArrayList<>();
    violations.forEach(v -> texts.add(v.invariant() + " " + v.nodeId() + " " + v.layer() + " " + v.detail()));
    return texts;
  }
}
