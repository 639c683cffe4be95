package io.detsim.engine.index;

import java.util.Arrays;

/**
 * The storage of one HNSW graph: per node its id, generation, level, unit vector and one neighbour
 * list per layer it is on. Algorithms live in {@link HnswIndex}; this class only stores, and keeps
 * the bookkeeping (id map, capacity) in one place.
 *
 * <p>Nodes are internal indexes {@code 0..size-1} in insertion order, mapped from the caller's
 * {@code long} ids. A neighbour list is a {@code long[]} whose slot 0 holds the count and whose
 * slots {@code 1..count} hold {@link DistanceKey}s of the neighbours, relative to the list's owner:
 * one array per node and layer, sized for the layer's degree bound, so adding an edge allocates
 * nothing. Keeping each edge's distance saves recomputing it whenever a full list is pruned, about
 * a third of the pruning cost at dimension 768 (cosine distance is symmetric, bit for bit, so one
 * value serves both halves of an edge). Node {@code n} is on layers
 * {@code 0..level(n)}; a {@code null} list marks a layer the node is missing from, which only a
 * test can cause (to prove that {@link IntegrityChecker} sees it).
 *
 * <p>Nothing is ever deleted: the engine's memories are append-only, and re-delivered inserts are
 * turned away by id before they reach the graph.
 */
final class HnswGraph {
  private static final int INITIAL_CAPACITY = 64;

  private final HnswParams params;
  private final LongIntMap indexOfId = new LongIntMap();
  private long[] ids = new long[INITIAL_CAPACITY];
  private long[] generations = new long[INITIAL_CAPACITY];
  private int[] levels = new int[INITIAL_CAPACITY];
  private float[][] vectors = new float[INITIAL_CAPACITY][];
  private long[][][] lists = new long[INITIAL_CAPACITY][][];
  private int size;
  private int entryPoint = -1;
  private int maxLevel = -1;
  private long minGeneration = Long.MAX_VALUE;
  /** What changed since the last incremental integrity check; null until one is asked for. */
  private GraphChanges changes;

  HnswGraph(HnswParams params) {
    this.params = params;
  }

  HnswParams params() {
    return params;
  }

  int size() {
    return size;
  }

  /** The internal index of {@code id}, or -1 if no such node. */
  int indexOf(long id) {
    return indexOfId.get(id);
  }

  /** Adds a node with no edges; returns its index. The id must be new. */
  int addNode(long id, float[] unitVector, long generation, int level) {
    if (size == ids.length) {
      grow();
    }
    int node = size++;
    indexOfId.putNew(id, node);
    ids[node] = id;
    generations[node] = generation;
    minGeneration = StrictMath.min(minGeneration, generation);
    levels[node] = level;
    vectors[node] = unitVector;
    long[][] layers = new long[level + 1][];
    for (int layer = 0; layer <= level; layer++) {
      layers[layer] = new long[params.maxDegree(layer) + 1];
    }
    lists[node] = layers;
    if (changes != null) {
      changes.node(node);
    }
    return node;
  }

  /**
   * The log of changes since the last incremental integrity check, started on first use: until then
   * nothing is recorded, so a graph nobody checks incrementally pays nothing.
   */
  GraphChanges changes() {
    if (changes == null) {
      changes = new GraphChanges();
    }
    return changes;
  }

  /** Whether a change log is kept (an incremental check was asked for). */
  boolean tracksChanges() {
    return changes != null;
  }

  long id(int node) {
    return ids[node];
  }

  long generation(int node) {
    return generations[node];
  }

  /** The lowest generation of any node; {@link Long#MAX_VALUE} when empty. */
  long minGeneration() {
    return minGeneration;
  }

  int level(int node) {
    return levels[node];
  }

  float[] vector(int node) {
    return vectors[node];
  }

  /** The unit vectors by node, for batch distance loops. Shared, not copied: callers must not write. */
  float[][] vectorTable() {
    return vectors;
  }

  /**
   * The raw neighbour list of {@code node} on {@code layer}: slot 0 is the count, slots
   * {@code 1..count} the neighbours' {@link DistanceKey}s. Shared, not copied, because search reads
   * it in its inner loop; callers must not write to it.
   */
  long[] neighbours(int node, int layer) {
    return lists[node][layer];
  }

  /** Whether {@code node} has a list on {@code layer}; false for an index that names no node. */
  boolean isOnLayer(int node, int layer) {
    return node >= 0 && node < size && layer >= 0 && layer <= levels[node] && lists[node][layer] != null;
  }

  int degree(int node, int layer) {
    return (int) lists[node][layer][0];
  }

  int entryPoint() {
    return entryPoint;
  }

  int maxLevel() {
    return maxLevel;
  }

  void setEntryPoint(int node, int level) {
    entryPoint = node;
    maxLevel = level;
  }

  /**
   * Appends one directed edge, given as the target's key relative to {@code node}; the list grows
   * past its bound if a caller (a mutant) asks for it.
   */
  void append(int node, int layer, long targetKey) {
    long[] list = lists[node][layer];
    int count = (int) list[0];
    if (count + 1 == list.length) {
      list = Arrays.copyOf(list, list.length * 2);
      lists[node][layer] = list;
    }
    list[count + 1] = targetKey;
    list[0] = count + 1;
    if (changes != null) {
      changes.edge(node, DistanceKey.node(targetKey), layer);
    }
  }

  /** Replaces the list of {@code node} on {@code layer} with the keys {@code targetKeys[0..count)}. */
  void setNeighbours(int node, int layer, long[] targetKeys, int count) {
    long[] list = lists[node][layer];
    if (changes != null) {
      changes.listChanged(node, layer, list, targetKeys, count, size);
    }
    if (count + 1 > list.length) {
      list = new long[count + 1];
      lists[node][layer] = list;
    }
    System.arraycopy(targetKeys, 0, list, 1, count);
    list[0] = count;
  }

  /** Removes the directed edge {@code node -> target}; false if there was none. */
  boolean removeNeighbour(int node, int layer, int target) {
    long[] list = lists[node][layer];
    int count = (int) list[0];
    for (int i = 1; i <= count; i++) {
      if (DistanceKey.node(list[i]) == target) {
        // Shift rather than swap with the last: the order of a list stays the order of selection.
        System.arraycopy(list, i + 1, list, i, count - i);
        list[0] = count - 1;
        if (changes != null) {
          changes.edge(target, node, layer); // target -> node may have lost its reverse edge
        }
        return true;
      }
    }
    return false;
  }

  /** Test hook: makes {@code node} missing from {@code layer} although its level is above it. */
  void forgetLayerForTest(int node, int layer) {
    if (changes != null) {
      changes.listReplaced(node, layer, lists[node][layer]);
    }
    lists[node][layer] = null;
  }

  /**
   * Test hook: overwrites the neighbour list without any of the index's bookkeeping. A target that
   * names no node gets distance 0.
   */
  void overwriteListForTest(int node, int layer, int... targets) {
    long[] list = new long[StrictMath.max(targets.length, params.maxDegree(layer)) + 1];
    for (int i = 0; i < targets.length; i++) {
      int target = targets[i];
      boolean exists = target >= 0 && target < size;
      float distance = exists ? Vectors.distance(vectors[node], vectors[target]) : 0.0f;
      list[i + 1] = DistanceKey.of(distance, target);
    }
    list[0] = targets.length;
    if (changes != null) {
      changes.listReplaced(node, layer, lists[node][layer]);
    }
    lists[node][layer] = list;
  }

  /**
   * A 64-bit digest of the whole structure (ids, generations, levels, vector bits, every list in
   * order, entry point): two graphs built from the same seed and inserts have equal digests, and a
   * single differing edge changes it with near certainty.
   */
  long structuralDigest() {
    long hash = mixIn(0x9E3779B97F4A7C15L, size);
    hash = mixIn(hash, entryPoint);
    hash = mixIn(hash, maxLevel);
    for (int node = 0; node < size; node++) {
      hash = mixIn(hash, ids[node]);
      hash = mixIn(hash, generations[node]);
      hash = mixIn(hash, levels[node]);
      for (float component : vectors[node]) {
        hash = mixIn(hash, Float.floatToRawIntBits(component));
      }
      for (long[] list : lists[node]) {
        int count = list == null ? -1 : (int) list[0];
        hash = mixIn(hash, count);
        for (int i = 1; i <= count; i++) {
          hash = mixIn(hash, list[i]);
        }
      }
    }
    return hash;
  }

  private static long mixIn(long hash, long value) {
    long z = hash ^ value;
    z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
    z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
    return z ^ (z >>> 31);
  }

  private void grow() {
    int capacity = ids.length * 2;
    ids = Arrays.copyOf(ids, capacity);
    generations = Arrays.copyOf(generations, capacity);
    levels = Arrays.copyOf(levels, capacity);
    vectors = Arrays.copyOf(vectors, capacity);
    lists = Arrays.copyOf(lists, capacity);
  }
}
