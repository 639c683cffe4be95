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
 * <p>Distances dominate the cost (over 90 % of an insert at dimension 768), so the neighbours of a
 * node are measured together, eight or four at a time ({@link Vectors#distances8}), before any of
 * them is compared with the beam. That changes nothing in the result: every unvisited neighbour is measured
 * either way, and the comparisons then run in list order exactly as they would one by one.
 *
 * <p>The heaps, the visited set and the batch buffers are reused, so a search allocates nothing
 * once warmed up. Not thread-safe, like the index that owns it.
 *
 * <p>[1] Y. A. Malkov, D. A. Yashunin, HNSW, IEEE TPAMI 2018.
 */
final class LayerSearch {
  private final HnswGraph graph;
  private final VisitedSet visited = new VisitedSet();
  private final LongHeap candidates = LongHeap.nearestFirst();
  private final LongHeap results = LongHeap.farthestFirst();
  /** The neighbours of the node being expanded that are to be measured, and their distances. */
  private int[] batch = new int[64];
  private float[] batchDistances = new float[64];
  private final float[] tail = new float[4];
  private long distancesMeasured;

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
      int count = (int) list[0];
      ensureBatchCapacity(count);
      for (int i = 0; i < count; i++) {
        batch[i] = DistanceKey.node(list[i + 1]);
      }
      measureBatch(query, count);
      for (int i = 0; i < count; i++) {
        long key = DistanceKey.of(batchDistances[i], batch[i]);
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
      int fresh = collectUnvisited(graph.neighbours(DistanceKey.node(nearest), layer));
      measureBatch(query, fresh);
      for (int i = 0; i < fresh; i++) {
        int neighbour = batch[i];
        long key = DistanceKey.of(batchDistances[i], neighbour);
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

  /** Marks the unvisited nodes of a neighbour list visited and puts them in the batch; returns how many. */
  private int collectUnvisited(long[] list) {
    int count = (int) list[0];
    ensureBatchCapacity(count);
    int fresh = 0;
    for (int i = 1; i <= count; i++) {
      int neighbour = DistanceKey.node(list[i]);
      if (visited.visit(neighbour)) {
        batch[fresh++] = neighbour;
      }
    }
    return fresh;
  }

  /** The distances from {@code query} to {@code batch[0..count)}, into {@code batchDistances}. */
  private void measureBatch(float[] query, int count) {
    distancesMeasured += count;
    int i = 0;
    float[][] vectors = graph.vectorTable();
    for (; i + 8 <= count; i += 8) {
      Vectors.distances8(query, vectors, batch, i, batchDistances);
    }
    for (; i + 4 <= count; i += 4) {
      Vectors.distances(query, graph.vector(batch[i]), graph.vector(batch[i + 1]), graph.vector(batch[i + 2]),
          graph.vector(batch[i + 3]), batchDistances, i);
    }
    int left = count - i;
    if (left == 1) {
      batchDistances[i] = Vectors.distance(query, graph.vector(batch[i]));
    } else if (left > 1) {
      // Two or three left: one pass over four, the last repeated, beats two or three single passes.
      float[] last = graph.vector(batch[count - 1]);
      Vectors.distances(query, graph.vector(batch[i]), graph.vector(batch[i + 1]), last, last, tail, 0);
      System.arraycopy(tail, 0, batchDistances, i, left);
    }
  }

  /** Distances this search has measured, over all its calls. */
  long distancesMeasured() {
    return distancesMeasured;
  }

  /** Lists are bounded by the degree, except under a mutant that lets them grow. */
  private void ensureBatchCapacity(int count) {
    if (batch.length < count) {
      int capacity = StrictMath.max(count, batch.length * 2);
      batch = new int[capacity];
      batchDistances = new float[capacity];
    }
  }

  /** Keeps {@code key} if it is among the {@code ef} nearest so far (keys are distinct: one per node). */
  private void offer(long key, int ef) {
    if (results.size() < ef) {
      results.push(key);
    } else if (key < results.peek()) {
      results.replaceTop(key); // the farthest goes, as a push and a pop would drop it
    }
  }
}
