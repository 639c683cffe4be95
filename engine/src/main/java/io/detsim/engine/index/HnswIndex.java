package io.detsim.engine.index;

import io.detsim.engine.planted.EngineMutant;
import io.detsim.sim.port.RandomSource;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.NoSuchElementException;
import java.util.OptionalLong;
import java.util.Set;

/**
 * The approximate nearest-neighbour index of one memory space: a Hierarchical Navigable Small
 * World graph [1] over unit vectors, with cosine distance ({@code 1 - cos}).
 *
 * <p>What it models: the engine's per-space index (docs/engine.md), into which one writer inserts
 * observations in accepted order and from which recall reads k nearest neighbours as of a snapshot
 * generation. Insertion follows [1] Algorithm 1: a level drawn as {@code floor(-ln(U) / ln(M))}
 * from the injected {@link RandomSource}, a greedy descent to that level, then per layer a beam
 * search of width {@code efConstruction} and neighbour selection by the heuristic of Algorithm 4.
 *
 * <p>Where it departs from [1], and why: edges are kept symmetric, as the original design promises
 * (docs/engine.md guarantee 7). When a neighbour that is full takes the new node, its list is pruned by
 * the same heuristic, and each dropped edge is removed in both directions: the neighbour's side and
 * the dropped node's side (which may be the new node's own edge). Degree bounds therefore hold at
 * both ends of every edge. A node can lose edges that way, which may cost recall but never makes
 * the structure unsound; the entry point is always a node of the top layer since nodes are never
 * removed.
 *
 * <p>Idempotent by id: after a worker failure the engine re-delivers a batch, and inserting an id
 * again changes nothing. Deterministic: the same params, seed and inserts give the same graph
 * (no clock, no threads, no hash-order iteration, ties in distance broken by node). Not
 * thread-safe: a space has one writer at a time, and reads happen on that same node handler.
 *
 * <p>Out of scope: deletion, persistence (the write-ahead log rebuilds the index on recovery).
 *
 * <p>[1] Y. A. Malkov, D. A. Yashunin, "Efficient and robust approximate nearest neighbor search
 * using Hierarchical Navigable Small World graphs", IEEE TPAMI 42(4), 2018.
 */
public final class HnswIndex {
  private static final Comparator<Neighbour> NEAREST_FIRST =
      Comparator.comparingDouble(Neighbour::distance).thenComparingLong(Neighbour::id);

  private final HnswParams params;
  private final RandomSource random;
  private final double levelMultiplier;
  private final boolean reverseDegreeUnbounded;
  private final boolean generationFilterIgnored;
  private final boolean recallSkipsNearest;
  private final HnswGraph graph;
  private final LayerSearch layerSearch;
  private final NeighbourSelector selector;
  private long entryDistances;

  // Scratch buffers, reused by every insert and search.
  private long[] entryKeys;
  private long[] foundKeys;
  private final long[] chosenKeys;
  private final long[] pruneKeys;
  private final long[] keptKeys;

  /** An index without planted bugs. */
  public HnswIndex(HnswParams params, RandomSource random) {
    this(params, random, EnumSet.noneOf(EngineMutant.class));
  }

  /**
   * An index with the planted bugs of {@code planted} that live here (reverse-degree-unbounded,
   * generation-filter-ignored, recall-skips-nearest), for detsim's self-test; the others are ignored.
   */
  public HnswIndex(HnswParams params, RandomSource random, Set<EngineMutant> planted) {
    this.params = requireNonNull(params, "params");
    this.random = requireNonNull(random, "random");
    requireNonNull(planted, "planted");
    this.levelMultiplier = params.levelMultiplier();
    this.reverseDegreeUnbounded = planted.contains(EngineMutant.REVERSE_DEGREE_UNBOUNDED);
    this.generationFilterIgnored = planted.contains(EngineMutant.GENERATION_FILTER_IGNORED);
    this.recallSkipsNearest = planted.contains(EngineMutant.RECALL_SKIPS_NEAREST);
    this.graph = new HnswGraph(params);
    this.layerSearch = new LayerSearch(graph);
    this.selector = new NeighbourSelector(graph);
    int beam = StrictMath.max(params.efConstruction(), params.efSearch());
    this.entryKeys = new long[beam];
    this.foundKeys = new long[beam];
    this.chosenKeys = new long[params.m()];
    this.pruneKeys = new long[params.m0() + 1];
    this.keptKeys = new long[params.m0() + 1];
  }

  /**
   * Inserts a node. Returns false, changing nothing, if {@code id} is already present.
   *
   * @param vector {@code dimension} finite components, not all zero; copied and normalised
   * @param generation the generation of the insert, at least 0; snapshot searches see the node
   *     when their generation is at least this
   * @throws IllegalArgumentException if the vector or generation is invalid
   */
  public boolean insert(long id, float[] vector, long generation) {
    return insertUnit(id, Vectors.normalisedCopy(vector, params.dimension(), "inserted"), generation);
  }

  /**
   * {@link #insert}, keeping {@code vector} itself instead of a copy when it is already a unit
   * vector (normalising it changes no bit); otherwise a normalised copy, as {@link #insert} does.
   * The graph and every result are the same bit for bit either way. The engine passes the array its
   * held observation keeps for its snapshots, so that an embedding is held once, not twice.
   *
   * @param vector as for {@link #insert}; the caller must never write it afterwards
   */
  public boolean insertShared(long id, float[] vector, long generation) {
    return insertUnit(id, Vectors.unitOf(vector, params.dimension(), "inserted"), generation);
  }

  private boolean insertUnit(long id, float[] unit, long generation) {
    if (generation < 0) {
      throw new IllegalArgumentException("generation must not be negative: " + generation);
    }
    if (graph.indexOf(id) >= 0) {
      return false;
    }
    int level = drawLevel();
    int node = graph.addNode(id, unit, generation, level);
    if (graph.entryPoint() < 0) {
      graph.setEntryPoint(node, level);
      return true;
    }
    link(node, unit, level);
    if (level > graph.maxLevel()) {
      graph.setEntryPoint(node, level);
    }
    return true;
  }

  /**
   * The distance kernels this JVM runs, for logs and benchmarks: the Vector API's when the JVM has
   * {@code --add-modules jdk.incubator.vector}, plain Java otherwise. Results are the same bit for
   * bit either way.
   */
  public static String distanceKernel() {
    return Vectors.kernelName();
  }

  /**
   * How many distances this index's searches and inserts have measured so far. A search's or an
   * insert's cost is nearly proportional to it, so a benchmark divides by it to tell the kernel's
   * cost from the rest (docs/benchmarks.md); nothing in the engine reads it.
   */
  public long distancesMeasured() {
    return entryDistances + layerSearch.distancesMeasured() + selector.distancesMeasured();
  }

  /** {@link #search(float[], int, int, long)} with the default beam width {@code efSearch}. */
  public List<Neighbour> search(float[] query, int k, long maxGeneration) {
    return search(query, k, params.efSearch(), maxGeneration);
  }

  /**
   * The approximately {@code k} nearest nodes to {@code query} among those inserted with a
   * generation at most {@code maxGeneration}, nearest first, ties by id. Nodes newer than the
   * snapshot are traversed but never returned; fewer than {@code k} results come back only when
   * fewer qualifying nodes are reachable.
   *
   * @param ef the beam width; raised to {@code k} if smaller
   * @param maxGeneration the snapshot; {@link Long#MAX_VALUE} sees everything
   */
  public List<Neighbour> search(float[] query, int k, int ef, long maxGeneration) {
    float[] unit = Vectors.normalisedCopy(query, params.dimension(), "query");
    if (k < 1 || ef < 1) {
      throw new IllegalArgumentException("k and ef must be positive: k=" + k + ", ef=" + ef);
    }
    if (graph.size() == 0) {
      return List.of();
    }
    long snapshot = generationFilterIgnored ? Long.MAX_VALUE : maxGeneration;
    if (snapshot < graph.minGeneration()) {
      return List.of(); // nothing qualifies: do not traverse the whole graph to find that out
    }
    int beam = StrictMath.max(ef, k);
    if (foundKeys.length < beam) {
      foundKeys = new long[beam];
    }
    entryKeys[0] = descend(unit, 0);
    int found = layerSearch.search(unit, entryKeys, 1, beam, 0, snapshot, foundKeys);
    checkWithinSnapshot(found, maxGeneration);
    // The planted bug skips the nearest only when more than k were found, so k still come back.
    int skip = recallSkipsNearest && found > k ? 1 : 0;
    int returned = StrictMath.min(k, found - skip);
    int considered = withTies(foundKeys, skip + returned, found);
    List<Neighbour> neighbours = new ArrayList<>(considered);
    for (int i = 0; i < considered; i++) {
      int node = DistanceKey.node(foundKeys[i]);
      neighbours.add(new Neighbour(graph.id(node), DistanceKey.distance(foundKeys[i]), graph.generation(node)));
    }
    neighbours.sort(NEAREST_FIRST); // by id among equal distances, not by internal index
    return Collections.unmodifiableList(neighbours.subList(skip, skip + returned));
  }

  /**
   * Snapshot recall (docs/engine.md guarantee 6) where it is decided: no node newer than the
   * snapshot is among what the search kept, over its whole beam and not only the {@code k} it
   * returns. Restated apart from the filter in {@link LayerSearch}, so that a filter that lets newer
   * nodes through fails at the search that met one. The client's own check sees a phantom only when
   * a newer node ranks among the nearest {@code k}; a planted bug that ignores the filter was first
   * seen that way in a run whose failure needed three clients' exact timing and would not shrink.
   */
  private void checkWithinSnapshot(int found, long maxGeneration) {
    if (maxGeneration == Long.MAX_VALUE) {
      return; // a recall of recent data: everything qualifies
    }
    for (int i = 0; i < found; i++) {
      int node = DistanceKey.node(foundKeys[i]);
      if (graph.generation(node) > maxGeneration) { // a plain if: formatting only on failure
        throw new AssertionError(String.format(Locale.ROOT, "a search at snapshot generation %d kept %d of generation %d",
            maxGeneration, graph.id(node), graph.generation(node)));
      }
    }
  }

  /**
   * The violations of graph integrity (docs/engine.md guarantee 7); empty when the graph is sound. Costs
   * one pass over every edge, with a scan of the target's list for the reverse edge.
   */
  public List<IntegrityViolation> checkIntegrity() {
    return new IntegrityChecker(graph).check();
  }

  /**
   * The same violations as {@link #checkIntegrity()}, in the same order, walking only what changed
   * since the last check of either kind: linear in the inserts since, not in the graph. The first call
   * is a full check and starts a log of changes, which costs the inserts after it a few records each;
   * a graph never checked this way keeps no log. See {@code IntegrityChecker.checkChanged} for why
   * the two agree.
   */
  public List<IntegrityViolation> checkIntegritySinceLastCheck() {
    return new IntegrityChecker(graph).checkChanged();
  }

  public HnswParams params() {
    return params;
  }

  public int size() {
    return graph.size();
  }

  public boolean contains(long id) {
    return graph.indexOf(id) >= 0;
  }

  /** @throws NoSuchElementException if {@code id} is not in the index */
  public long generationOf(long id) {
    return graph.generation(nodeOf(id));
  }

  /** The highest layer {@code id} is on. @throws NoSuchElementException if it is not in the index */
  public int levelOf(long id) {
    return graph.level(nodeOf(id));
  }

  /** The ids {@code id} links to on {@code layer}, in list order; empty above the node's level. */
  public long[] neighboursOf(long id, int layer) {
    int node = nodeOf(id);
    if (layer < 0) {
      throw new IllegalArgumentException("layer must not be negative: " + layer);
    }
    if (!graph.isOnLayer(node, layer)) {
      return new long[0];
    }
    long[] list = graph.neighbours(node, layer);
    long[] ids = new long[(int) list[0]];
    for (int i = 0; i < ids.length; i++) {
      ids[i] = graph.id(DistanceKey.node(list[i + 1]));
    }
    return ids;
  }

  /** The top layer: the highest level of any node, -1 when empty. */
  public int maxLevel() {
    return graph.maxLevel();
  }

  /** The id of the node every search starts from, a node of the top layer; empty when empty. */
  public OptionalLong entryPoint() {
    int entry = graph.entryPoint();
    return entry < 0 ? OptionalLong.empty() : OptionalLong.of(graph.id(entry));
  }

  /**
   * A digest of the whole structure: equal for two indexes built from the same seed and inserts,
   * different (with near certainty) when any node, vector or edge differs. For determinism checks.
   */
  public long structuralDigest() {
    return graph.structuralDigest();
  }

  HnswGraph graphForTest() {
    return graph;
  }

  /** The level of a new node: {@code floor(-ln(U) * mL)} for U uniform in (0, 1], capped. */
  private int drawLevel() {
    double uniform = 1.0 - random.nextDouble(); // never 0, whose logarithm is infinite
    double level = StrictMath.floor(-StrictMath.log(uniform) * levelMultiplier);
    return (int) StrictMath.min(level, params.maxLayers() - 1);
  }

  /** Greedy descent from the entry point down to {@code stopLayer}; returns the key reached. */
  private long descend(float[] unit, int stopLayer) {
    int entry = graph.entryPoint();
    entryDistances++;
    long best = DistanceKey.of(Vectors.distance(unit, graph.vector(entry)), entry);
    for (int layer = graph.maxLevel(); layer > stopLayer; layer--) {
      best = layerSearch.greedy(unit, best, layer);
    }
    return best;
  }

  /** [1] Algorithm 1 after the level draw: finds and links the neighbours of a new node. */
  private void link(int node, float[] unit, int level) {
    int top = graph.maxLevel();
    entryKeys[0] = descend(unit, level);
    int entryCount = 1;
    for (int layer = StrictMath.min(level, top); layer >= 0; layer--) {
      int found = layerSearch.search(
          unit, entryKeys, entryCount, params.efConstruction(), layer, Long.MAX_VALUE, foundKeys);
      int chosen = selector.select(foundKeys, found, params.m(), chosenKeys);
      connect(node, layer, chosen);
      // The whole beam, not only the nearest, seeds the layer below, as in [1].
      long[] swap = entryKeys;
      entryKeys = foundKeys;
      foundKeys = swap;
      entryCount = found;
    }
  }

  /**
   * Links {@code node} to the nodes of {@code chosenKeys[0..count)} on {@code layer}, in both
   * directions. A chosen key holds the distance from {@code node}, which is also the distance back.
   */
  private void connect(int node, int layer, int count) {
    graph.setNeighbours(node, layer, chosenKeys, count);
    int maxDegree = params.maxDegree(layer);
    for (int i = 0; i < count; i++) {
      int neighbour = DistanceKey.node(chosenKeys[i]);
      long reverseKey = DistanceKey.of(DistanceKey.distance(chosenKeys[i]), node);
      if (graph.degree(neighbour, layer) < maxDegree || reverseDegreeUnbounded) {
        graph.append(neighbour, layer, reverseKey);
      } else {
        shrinkWith(neighbour, layer, reverseKey, maxDegree);
      }
    }
  }

  /**
   * {@code owner}'s list is full and {@code newcomer} wants in: reselects {@code maxDegree} of the
   * current neighbours plus the newcomer with the heuristic, then removes every dropped edge in
   * both directions, so that edges stay symmetric. If the newcomer itself is dropped, its own edge
   * to {@code owner} goes.
   */
  private void shrinkWith(int owner, int layer, long newcomerKey, int maxDegree) {
    long[] list = graph.neighbours(owner, layer);
    int count = (int) list[0];
    System.arraycopy(list, 1, pruneKeys, 0, count); // the keys already hold distances to owner
    pruneKeys[count] = newcomerKey;
    Arrays.sort(pruneKeys, 0, count + 1);
    int kept = selector.select(pruneKeys, count + 1, maxDegree, keptKeys);
    graph.setNeighbours(owner, layer, keptKeys, kept);
    for (int i = 0; i < selector.droppedCount(); i++) {
      int dropped = selector.droppedAt(i);
      if (!graph.removeNeighbour(dropped, layer, owner)) {
        throw new AssertionError("edge " + owner + " -> " + dropped + " on layer " + layer + " had no reverse");
      }
    }
  }

  /**
   * How many of {@code sortedKeys[0..found)} can be among the first {@code returned} results: the
   * first {@code returned}, and those after them that tie the last one's distance, since results
   * order ties by id while keys order them by node. The rest need no result object.
   */
  private static int withTies(long[] sortedKeys, int returned, int found) {
    if (returned == 0) {
      return 0;
    }
    float last = DistanceKey.distance(sortedKeys[returned - 1]);
    int considered = returned;
    while (considered < found && DistanceKey.distance(sortedKeys[considered]) == last) {
      considered++;
    }
    return considered;
  }

  private int nodeOf(long id) {
    int node = graph.indexOf(id);
    if (node < 0) {
      throw new NoSuchElementException("no node with id " + id);
    }
    return node;
  }

  private static <T> T requireNonNull(T value, String name) {
    if (value == null) {
      throw new IllegalArgumentException(name + " must not be null");
    }
    return value;
  }
}
