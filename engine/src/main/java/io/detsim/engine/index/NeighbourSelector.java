package io.detsim.engine.index;

/**
 * SELECT-NEIGHBORS-HEURISTIC of [1] (Algorithm 4) with {@code keepPrunedConnections} and without
 * {@code extendCandidates}.
 *
 * <p>Candidates are taken nearest first; one is selected only if it is nearer to the base node than
 * to every neighbour selected so far, which keeps links pointing in diverse directions and lets
 * search cross between clusters. The candidates the test turned away then fill the remaining slots,
 * nearest first, so a node keeps its full degree where it can: more edges for recall, and, since
 * the engine keeps edges symmetric, pruning a full list to make room for one edge drops exactly one.
 * {@code extendCandidates} is off, as [1] advises for all but extremely clustered data.
 *
 * <p>The nodes that are not kept are reported by {@link #droppedAt}: the caller removes the reverse
 * half of each dropped edge. Scratch arrays are reused; not thread-safe.
 *
 * <p>[1] Y. A. Malkov, D. A. Yashunin, HNSW, IEEE TPAMI 2018.
 */
final class NeighbourSelector {
  private final HnswGraph graph;
  private long[] discarded = new long[64];
  private int[] dropped = new int[64];
  private int droppedCount;
  private final float[] distances = new float[4];
  private long distancesMeasured;

  NeighbourSelector(HnswGraph graph) {
    this.graph = graph;
  }

  /**
   * Selects at most {@code max} of {@code candidates[0..count)}, which are {@link DistanceKey}s of
   * distances to the base node sorted nearest first, and writes the selected keys to
   * {@code selected}, in the order of selection. Returns how many.
   */
  int select(long[] candidates, int count, int max, long[] selected) {
    checkNearestFirst(candidates, count);
    if (discarded.length < count) {
      discarded = new long[count];
      dropped = new int[count];
    }
    int selectedCount = 0;
    int discardedCount = 0;
    int examined = 0;
    for (; examined < count && selectedCount < max; examined++) {
      long candidate = candidates[examined];
      if (isDiverse(candidate, selected, selectedCount)) {
        selected[selectedCount++] = candidate;
      } else {
        discarded[discardedCount++] = candidate;
      }
    }
    int refilled = 0;
    for (; refilled < discardedCount && selectedCount < max; refilled++) { // keepPrunedConnections
      selected[selectedCount++] = discarded[refilled];
    }
    droppedCount = 0;
    for (int i = refilled; i < discardedCount; i++) {
      dropped[droppedCount++] = DistanceKey.node(discarded[i]);
    }
    for (int i = examined; i < count; i++) { // never examined: the selection was full before them
      dropped[droppedCount++] = DistanceKey.node(candidates[i]);
    }
    return selectedCount;
  }

  /**
   * The heuristic takes candidates in order and stops when the selection is full, so an unsorted
   * input silently keeps the wrong ones: the graph stays sound and only recall suffers, which no
   * check sees at dimension 8 (a realistic bug, the newcomer left out of the sort when a full list
   * is pruned, escaped 1,000 swarm seeds). One comparison per candidate, against the distances
   * each costs.
   */
  private static void checkNearestFirst(long[] candidates, int count) {
    for (int i = 1; i < count; i++) {
      if (candidates[i - 1] > candidates[i]) {
        throw new AssertionError("candidates not sorted nearest first at " + i + " of " + count);
      }
    }
  }

  /** Distances measured by every {@link #select} so far. */
  long distancesMeasured() {
    return distancesMeasured;
  }

  /** How many nodes the last {@link #select} did not keep. */
  int droppedCount() {
    return droppedCount;
  }

  /** The {@code i}-th node the last {@link #select} did not keep. */
  int droppedAt(int i) {
    return dropped[i];
  }

  /**
   * Whether the candidate is nearer to the base than to every node selected so far. The selected
   * are measured four at a time ({@link Vectors#distances}, bit for bit the single distances): a
   * rejection can waste up to three distances, but a candidate that passes (most of them, when a
   * full list is pruned) costs far less.
   */
  private boolean isDiverse(long candidate, long[] selected, int selectedCount) {
    float toBase = DistanceKey.distance(candidate);
    float[] vector = graph.vector(DistanceKey.node(candidate));
    int i = 0;
    for (; i + 4 <= selectedCount; i += 4) {
      distancesMeasured += 4;
      Vectors.distances(vector, graph.vector(DistanceKey.node(selected[i])),
          graph.vector(DistanceKey.node(selected[i + 1])), graph.vector(DistanceKey.node(selected[i + 2])),
          graph.vector(DistanceKey.node(selected[i + 3])), distances, 0);
      if (distances[0] < toBase || distances[1] < toBase || distances[2] < toBase || distances[3] < toBase) {
        return false;
      }
    }
    for (; i < selectedCount; i++) {
      distancesMeasured++;
      if (Vectors.distance(vector, graph.vector(DistanceKey.node(selected[i]))) < toBase) {
        return false;
      }
    }
    return true;
  }
}
