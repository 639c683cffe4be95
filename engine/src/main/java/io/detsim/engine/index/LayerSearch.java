package io.detsim.engine.index;

import java.util.Arrays;

/**
 * Search within one layer of the graph: the greedy descent used above the layers of interest, and
 * SEARCH-LAYER, the beam search of [1] (Algorithm 2), with a generation filter.
 *
 * <p>The filter serves snapshot recall: the whole graph is traversed, including nodes newer than
 * the snapshot, but only nodes at or below {@code maxGeneration} enter the results. While fewer
 * than {@code ef} qualifying nodes are found the beam has no bound, so a search that asks for
 * {@code k <= ef} results returns {@code k} whenever that many qualifying nodes are reachable,
 * however many newer nodes lie in between (the approach of hnswlib's filtered search).
 *
 * <p>The heaps and visited set are reused, so a search allocates nothing once warmed up. Not
 * thread-safe, like the index that owns it.
 *
 * <p>[1] Y. A. Malkov, D. A. Yashunin, HNSW, IEEE TPAMI 2018.
 */
final class LayerSearch {
  private final HnswGraph graph;
  private final VisitedSet visited = new VisitedSet();
  private final LongHeap candidates = LongHeap.nearestFirst();
  private final LongHeap results = LongHeap.farthestFirst();

  LayerSearch(HnswGraph graph) {
    this.graph = graph;
  }

  /**
   * Greedy descent on {@code layer} from {@code entryKey}: moves to the nearest neighbour while one
   * is nearer than the current node. Returns the key of the node where it stops.
   */
  long greedy(float[] query, long entryKey, int layer) {
    long best = entryKey;
    int current;
    do {
      current = DistanceKey.node(best);
      long[] list = graph.neighbours(current, layer);
      for (int i = 1, count = (int) list[0]; i <= count; i++) {
        int neighbour = DistanceKey.node(list[i]);
        long key = DistanceKey.of(Vectors.distance(query, graph.vector(neighbour)), neighbour);
        if (key < best) {
          best = key;
        }
      }
    } while (DistanceKey.node(best) != current);
    return best;
  }

  /**
   * SEARCH-LAYER: the {@code ef} nearest qualifying nodes found on {@code layer}, starting from
   * {@code entryKeys[0..entryCount)}, written to {@code out} nearest first.
   *
   * @param out at least {@code ef} long
   * @return how many keys were written
   */
  int search(
      float[] query, long[] entryKeys, int entryCount, int ef, int layer, long maxGeneration, long[] out) {
    visited.clear(graph.size());
    candidates.clear();
    results.clear();
    for (int i = 0; i < entryCount; i++) {
      long key = entryKeys[i];
      int node = DistanceKey.node(key);
      visited.visit(node);
      candidates.push(key);
      if (graph.generation(node) <= maxGeneration) {
        offer(key, ef);
      }
    }
    while (!candidates.isEmpty()) {
      long nearest = candidates.peek();
      if (results.size() >= ef && nearest > results.peek()) {
        break; // every remaining candidate is farther than the farthest result
      }
      candidates.pop();
      long[] list = graph.neighbours(DistanceKey.node(nearest), layer);
      for (int i = 1, count = (int) list[0]; i <= count; i++) {
        int neighbour = DistanceKey.node(list[i]);
        if (!visited.visit(neighbour)) {
          continue;
        }
        long key = DistanceKey.of(Vectors.distance(query, graph.vector(neighbour)), neighbour);
        if (results.size() < ef || key < results.peek()) {
          candidates.push(key);
          if (graph.generation(neighbour) <= maxGeneration) {
            offer(key, ef);
          }
        }
      }
    }
    int found = results.copyTo(out);
    Arrays.sort(out, 0, found);
    return found;
  }

  private void offer(long key, int ef) {
    results.push(key);
    if (results.size() > ef) {
      results.pop();
    }
  }
}
