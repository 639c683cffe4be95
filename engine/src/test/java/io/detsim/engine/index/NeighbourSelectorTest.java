package io.detsim.engine.index;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * Algorithm 4 of Malkov & Yashunin on a picture small enough to reason about: from a base node,
 * A and B lie in almost the same direction, C in another. A is nearest; B is nearer to A than to
 * the base, so the heuristic turns it away in favour of the farther but more diverse C.
 */
class NeighbourSelectorTest {
  private final HnswGraph graph = new HnswGraph(new HnswParams(2, 4, 8, 8, 4, 3));
  private final int base = add(1, 0, 0);
  private final int a = add(1, 0.3f, 0);
  private final int b = add(1, 0.35f, 0.05f);
  private final int c = add(1, -0.4f, 0);
  private final NeighbourSelector selector = new NeighbourSelector(graph);

  private int add(float... vector) {
    return graph.addNode(graph.size(), Vectors.normalisedCopy(vector, 3, "test"), 0, 0);
  }

  private long[] candidatesNearestFirst() {
    long[] keys = new long[3];
    int i = 0;
    for (int node : new int[] {c, a, b}) {
      keys[i++] = DistanceKey.of(Vectors.distance(graph.vector(base), graph.vector(node)), node);
    }
    Arrays.sort(keys);
    return keys;
  }

  private static int[] nodes(long[] keys, int count) {
    return Arrays.stream(keys, 0, count).mapToInt(DistanceKey::node).toArray();
  }

  @Test
  void candidates_areNearestFirstInTheOrderABC() {
    assertThat(nodes(candidatesNearestFirst(), 3)).containsExactly(a, b, c);
  }

  @Test
  void select_prefersTheDiverseCandidateAndDropsTheRedundantOne() {
    long[] selected = new long[2];

    int count = selector.select(candidatesNearestFirst(), 3, 2, selected);

    assertThat(nodes(selected, count)).containsExactly(a, c);
    assertThat(selector.droppedCount()).isEqualTo(1);
    assertThat(selector.droppedAt(0)).isEqualTo(b);
  }

  @Test
  void select_keepsPrunedConnectionsWhenThereIsRoom() {
    long[] selected = new long[3];

    int count = selector.select(candidatesNearestFirst(), 3, 3, selected);

    assertThat(nodes(selected, count)).containsExactly(a, c, b);
    assertThat(selector.droppedCount()).isZero();
  }

  @Test
  void select_dropsTheUnexaminedTailOnceFull() {
    long[] selected = new long[1];

    int count = selector.select(candidatesNearestFirst(), 3, 1, selected);

    assertThat(nodes(selected, count)).containsExactly(a);
    assertThat(new int[] {selector.droppedAt(0), selector.droppedAt(1)}).containsExactly(b, c);
  }

  @Test
  void select_refusesCandidatesNotNearestFirst() {
    long[] candidates = candidatesNearestFirst();
    long nearest = candidates[0];
    candidates[0] = candidates[2]; // the nearest left at the end, as a prune that forgot to sort it in
    candidates[2] = nearest;

    assertThatThrownBy(() -> selector.select(candidates, 3, 2, new long[2]))
        .isInstanceOf(AssertionError.class).hasMessage("candidates not sorted nearest first at 1 of 3");
  }
}
