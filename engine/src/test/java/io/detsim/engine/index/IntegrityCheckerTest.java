package io.detsim.engine.index;

import static org.assertj.core.api.Assertions.assertThat;

import io.detsim.engine.index.IntegrityViolation.Invariant;
import io.detsim.sim.random.Xoshiro256;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class IntegrityCheckerTest {
  private static final int DIMENSION = 8;

  /**
   * Four equidistant nodes, ids 0 to 3 (internal indexes equal the ids): node 0 has level 1 and is
   * the entry point, alone on layer 1; with M = M0 = 3, layer 0 is the complete graph on the four.
   */
  private static HnswIndex smallIndex() {
    HnswIndex index = new HnswIndex(
        new HnswParams(3, 3, 10, 10, 4, DIMENSION),
        TestVectors.scripted(TestVectors.forLevel(1, 3), 0, 0, 0, 0));
    for (int id = 0; id < 4; id++) {
      index.insert(id, unitPlusBias(id), 0);
    }
    return index;
  }

  /** Axis {@code axis} plus a shared component: every pair is at cosine distance 1/2. */
  private static float[] unitPlusBias(int axis) {
    float[] vector = new float[DIMENSION];
    vector[axis] = 1;
    vector[DIMENSION - 1] = 1;
    return vector;
  }

  private static IntegrityViolation violation(Invariant invariant, long id, int layer) {
    return new IntegrityViolation(invariant, id, layer, "");
  }

  private static List<IntegrityViolation> withoutDetail(List<IntegrityViolation> violations) {
    return violations.stream().map(v -> violation(v.invariant(), v.nodeId(), v.layer())).toList();
  }

  @Test
  void check_isCleanAfterManyInsertsWithDefaultParams() {
    HnswIndex index = new HnswIndex(HnswParams.defaults(16), new Xoshiro256(21));
    Xoshiro256 random = new Xoshiro256(22);
    for (int i = 0; i < 3000; i++) {
      index.insert(i, TestVectors.randomVector(random, 16), i);
    }

    assertThat(index.checkIntegrity()).isEmpty();
  }

  @Test
  void check_isCleanAfterEveryInsertWhenPruningIsConstant() {
    // M = 2, M0 = 4: almost every insert overflows a neighbour's list and prunes it.
    HnswIndex index = new HnswIndex(new HnswParams(2, 4, 8, 8, 16, 3), new Xoshiro256(23));
    Xoshiro256 random = new Xoshiro256(24);
    for (int i = 0; i < 600; i++) {
      index.insert(i, TestVectors.randomVector(random, 3), i);
      assertThat(index.checkIntegrity()).as("after insert %d", i).isEmpty();
    }
    assertThat(index.maxLevel()).isPositive();
  }

  @Test
  void smallIndex_isSoundAndFullyLinked() {
    HnswIndex index = smallIndex();

    assertThat(index.checkIntegrity()).isEmpty();
    assertThat(index.entryPoint()).hasValue(0);
    assertThat(index.neighboursOf(3, 0)).containsExactlyInAnyOrder(0, 1, 2);
  }

  @Test
  void check_reportsASelfLoop() {
    HnswIndex index = smallIndex();
    index.graphForTest().overwriteListForTest(0, 1, 0);

    assertThat(withoutDetail(index.checkIntegrity()))
        .containsExactly(violation(Invariant.NO_SELF_LOOP, 0, 1));
  }

  @Test
  void check_reportsADuplicateEdge() {
    HnswIndex index = smallIndex();
    index.graphForTest().overwriteListForTest(2, 0, 0, 1, 1);

    assertThat(withoutDetail(index.checkIntegrity()))
        .containsExactly(
            violation(Invariant.NO_DUPLICATE_EDGE, 2, 0),
            violation(Invariant.EDGES_BIDIRECTIONAL, 3, 0)); // 3 -> 2 lost its reverse
  }

  @Test
  void check_reportsAnEdgeToNoNode() {
    HnswIndex index = smallIndex();
    index.graphForTest().overwriteListForTest(2, 0, 0, 1, 3, 77);

    List<IntegrityViolation> violations = index.checkIntegrity();

    assertThat(withoutDetail(violations))
        .containsExactly(
            violation(Invariant.DEGREE_BOUNDED, 2, 0),
            violation(Invariant.EDGE_TARGET_IN_LAYER, 2, 0));
    assertThat(violations.get(1).detail()).contains("index 77 (no such node)");
  }

  @Test
  void check_reportsAnEdgeToANodeNotOnThatLayer() {
    HnswIndex index = smallIndex();
    index.graphForTest().overwriteListForTest(0, 1, 2); // node 2 has level 0

    assertThat(withoutDetail(index.checkIntegrity()))
        .containsExactly(violation(Invariant.EDGE_TARGET_IN_LAYER, 0, 1));
  }

  @Test
  void check_reportsANodeMissingFromALowerLayer() {
    HnswIndex index = smallIndex();
    index.graphForTest().forgetLayerForTest(0, 0);

    List<IntegrityViolation> violations = withoutDetail(index.checkIntegrity());

    assertThat(violations).first().isEqualTo(violation(Invariant.PRESENT_IN_LOWER_LAYERS, 0, 0));
    // The others' edges to node 0 on layer 0 now point at a node that is not there.
    assertThat(violations).contains(
        violation(Invariant.EDGE_TARGET_IN_LAYER, 1, 0),
        violation(Invariant.EDGE_TARGET_IN_LAYER, 2, 0),
        violation(Invariant.EDGE_TARGET_IN_LAYER, 3, 0));
  }

  @Test
  void check_reportsADegreeAboveTheBound() {
    HnswIndex index = smallIndex();
    index.insert(4, unitPlusBias(4), 0);
    HnswGraph graph = index.graphForTest();
    // A complete graph on five nodes: symmetric, no loops, but degree 4 where M0 is 3.
    for (int node = 0; node < 5; node++) {
      int self = node;
      graph.overwriteListForTest(node, 0, IntStream.range(0, 5).filter(n -> n != self).toArray());
    }

    assertThat(withoutDetail(index.checkIntegrity()))
        .containsExactly(
            violation(Invariant.DEGREE_BOUNDED, 0, 0),
            violation(Invariant.DEGREE_BOUNDED, 1, 0),
            violation(Invariant.DEGREE_BOUNDED, 2, 0),
            violation(Invariant.DEGREE_BOUNDED, 3, 0),
            violation(Invariant.DEGREE_BOUNDED, 4, 0));
    assertThat(index.checkIntegrity().get(0).detail()).isEqualTo("degree 4 exceeds 3");
  }

  @Test
  void check_reportsAMissingReverseEdge() {
    HnswIndex index = smallIndex();
    index.graphForTest().removeNeighbour(1, 0, 2);

    assertThat(withoutDetail(index.checkIntegrity()))
        .containsExactly(violation(Invariant.EDGES_BIDIRECTIONAL, 2, 0));
  }

  @Test
  void check_reportsAnEntryPointBelowTheTopLayer() {
    HnswIndex index = smallIndex();
    index.graphForTest().setEntryPoint(3, 1);

    assertThat(withoutDetail(index.checkIntegrity()))
        .containsExactly(violation(Invariant.ENTRY_POINT_ON_TOP_LAYER, 3, 1));
  }

  @Test
  void check_reportsATopLayerAboveTheHighestLevel() {
    HnswIndex index = smallIndex();
    index.graphForTest().setEntryPoint(0, 3);

    List<IntegrityViolation> violations = index.checkIntegrity();

    assertThat(withoutDetail(violations))
        .containsExactly(
            violation(Invariant.ENTRY_POINT_ON_TOP_LAYER, 0, 3),
            violation(Invariant.ENTRY_POINT_ON_TOP_LAYER, 0, 3));
    assertThat(violations.get(0).detail()).isEqualTo("top layer is 3 but the highest node level is 1");
  }

  @Test
  void check_reportsAnEntryPointThatNamesNoNode() {
    HnswIndex index = smallIndex();
    index.graphForTest().setEntryPoint(9, 1);

    assertThat(withoutDetail(index.checkIntegrity()))
        .containsExactly(violation(Invariant.ENTRY_POINT_ON_TOP_LAYER, IntegrityViolation.NO_NODE, 1));
  }
}
