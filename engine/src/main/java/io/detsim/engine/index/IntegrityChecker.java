package io.detsim.engine.index;

import io.detsim.engine.index.IntegrityViolation.Invariant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Checks graph integrity (docs/engine.md guarantee 7) from the stored structure alone, assuming nothing
 * the insert path is supposed to ensure: every list is read as it is, so a bug in insertion or a
 * corrupted graph is reported rather than hidden. Each violation names its invariant, node and
 * layer; the nodes are visited in index order, so the report is deterministic.
 */
final class IntegrityChecker {
  private final HnswGraph graph;
  private final List<IntegrityViolation> violations = new ArrayList<>();
  /** {@link #checkList}'s scratch: each target's list on the layer checked, and its degree. */
  private long[][] reverses = new long[0][];
  private int[] reverseDegrees = new int[0];

  IntegrityChecker(HnswGraph graph) {
    this.graph = graph;
  }

  List<IntegrityViolation> check() {
    int highestLevel = -1;
    for (int node = 0; node < graph.size(); node++) {
      highestLevel = StrictMath.max(highestLevel, graph.level(node));
      checkNode(node);
    }
    checkEntryPoint(highestLevel);
    if (graph.tracksChanges()) {
      graph.changes().reset(violations.isEmpty(), graph.size(), highestLevel);
    }
    return List.copyOf(violations);
  }

  /**
   * The same violations as {@link #check()}, in the same order, walking only what changed since the
   * last check of this graph ({@link GraphChanges}); a full check when there was none, when it found
   * violations, or when the log overflowed. Linear in the changes, not in the graph: a run that
   * checks its graph every few seconds does the work of one full check, not of one per checkpoint.
   *
   * <p>Why it is the same: the last check found every list sound (else this one is full). A violation
   * now is at some node {@code a}, on a list of {@code a} and layer {@code L}:
   * <ul>
   *   <li>a degree, self-loop or duplicate violation is in {@code a}'s own list, which therefore gained
   *       an entry (a list outgrows its bound only by gaining one; removing an entry cannot create
   *       any of these): appended, or new in a replaced list, either way an edge record for it, whose
   *       check sees the list's degree and the entry's copies as they are now; a missing layer is a
   *       dropped list (a test hook, a node record);
   *   <li>an edge {@code a -> b} whose target left the layer: only a test hook drops a list, and it
   *       records every node the dropped list named, which (the graph having been sound) includes
   *       every {@code a} with an edge to {@code b};
   *   <li>an edge {@code a -> b} with no reverse edge: either the edge is new (recorded when appended
   *       or when {@code a}'s list was replaced), or it was there and sound at the last check, so
   *       {@code b -> a} existed and has since been removed or replaced, which records the edge
   *       {@code a -> b};
   *   <li>the entry point and top layer are checked every time; levels are set only when a node is
   *       added, so the highest level is the last check's or a new node's.
   * </ul>
   * Every node a record names, or whose recorded edge is broken, is then checked in full, exactly as
   * {@link #check()} checks it, and its violations are reported in index order. This holds for every
   * change made through the graph's own methods (the only writers: {@link HnswGraph#neighbours} hands
   * out lists that callers must not write), which is why a run's end check stays a full one.
   */
  List<IntegrityViolation> checkChanged() {
    GraphChanges changes = graph.changes();
    if (!changes.usable()) {
      return check();
    }
    int size = graph.size();
    int firstNew = StrictMath.min(changes.checkedSize(), size);
    int highestLevel = changes.checkedHighestLevel();
    for (int node = firstNew; node < size; node++) {
      highestLevel = StrictMath.max(highestLevel, graph.level(node));
    }
    // A bit an old node that must be checked in full; a bit a new node already checked (every new
    // node is, a node record names it too; this also covers one added before tracking).
    long[] marked = new long[(size + 63) >>> 6];
    SortedMap<Integer, List<IntegrityViolation>> newNodeViolations = new TreeMap<>();
    for (int record = 0; record < changes.recordCount(); record++) {
      int a = changes.a(record);
      if (a < 0 || a >= size || (marked[a >>> 6] & (1L << a)) != 0) {
        continue; // names no node (a full check reports nothing at it either), or a node checked in full
      }
      if (a >= firstNew) {
        // A new node is checked in full where the log first names it: its own records then need no
        // other look, and the records that follow (its neighbours' lists gaining it, or pruned) read
        // lists its check has just read, still in cache. Checked after the whole log, each neighbour's
        // list came from memory twice: the check took a fifth more CPU time (docs/benchmarks.md).
        marked[a >>> 6] |= 1L << a;
        checkNewNode(a, newNodeViolations);
      } else if (changes.isNode(record) || edgeBroken(a, changes.b(record), changes.layer(record))) {
        marked[a >>> 6] |= 1L << a;
      }
    }
    for (int node = firstNew; node < size; node++) {
      if ((marked[node >>> 6] & (1L << node)) == 0) {
        checkNewNode(node, newNodeViolations);
      }
    }
    for (int word = 0; word < (firstNew + 63) >>> 6; word++) {
      for (long bits = marked[word]; bits != 0; bits &= bits - 1) {
        int node = (word << 6) + Long.numberOfTrailingZeros(bits);
        if (node < firstNew) {
          checkNode(node);
        }
      }
    }
    newNodeViolations.values().forEach(violations::addAll); // new nodes follow old ones: index order
    checkEntryPoint(highestLevel);
    changes.reset(violations.isEmpty(), size, highestLevel);
    return List.copyOf(violations);
  }

  /** Checks a new {@code node} in full, out of index order: its violations are kept apart, by node. */
  private void checkNewNode(int node, SortedMap<Integer, List<IntegrityViolation>> byNode) {
    int before = violations.size();
    checkNode(node);
    if (violations.size() > before) {
      List<IntegrityViolation> found = violations.subList(before, violations.size());
      byNode.put(node, List.copyOf(found));
      found.clear();
    }
  }

  /**
   * Whether the edge {@code node -> target} on {@code layer}, if {@code node}'s list holds it, breaks an
   * invariant {@link #checkList} checks: so that only such nodes are checked in full.
   */
  private boolean edgeBroken(int node, int target, int layer) {
    if (layer < 0 || layer > graph.level(node)) {
      return false; // no such list: the full check does not look there either
    }
    if (!graph.isOnLayer(node, layer)) {
      return true;
    }
    long[] list = graph.neighbours(node, layer);
    int count = (int) list[0];
    int seen = 0;
    for (int i = 1; i <= count; i++) {
      if (DistanceKey.node(list[i]) == target) {
        seen++;
      }
    }
    if (seen == 0) {
      return false;
    }
    if (seen > 1 || target == node || count > graph.params().maxDegree(layer) || !graph.isOnLayer(target, layer)) {
      return true;
    }
    long[] reverse = graph.neighbours(target, layer);
    return indexOf(reverse, 1, (int) reverse[0] + 1, node) < 0;
  }

  private void checkNode(int node) {
    for (int layer = 0; layer <= graph.level(node); layer++) {
      if (graph.isOnLayer(node, layer)) {
        checkList(node, layer);
      } else {
        report(Invariant.PRESENT_IN_LOWER_LAYERS, node, layer,
            "node has level " + graph.level(node) + " but is missing from layer " + layer);
      }
    }
  }

  private void checkList(int node, int layer) {
    long[] list = graph.neighbours(node, layer);
    int count = (int) list[0];
    int maxDegree = graph.params().maxDegree(layer);
    if (count > maxDegree) {
      report(Invariant.DEGREE_BOUNDED, node, layer, "degree " + count + " exceeds " + maxDegree);
    }
    // The targets' lists first, in a loop that only loads: in a graph past every cache each is a few
    // misses, independent of the others', and a short loop lets the processor wait for many at once;
    // the checks below then find them in cache. (null: the target is this node or not on the layer.)
    if (reverses.length <= count) {
      reverses = new long[count + 1][];
      reverseDegrees = new int[count + 1];
    }
    for (int i = 1; i <= count; i++) {
      int target = DistanceKey.node(list[i]);
      long[] reverse = target != node && graph.isOnLayer(target, layer) ? graph.neighbours(target, layer) : null;
      reverses[i] = reverse;
      reverseDegrees[i] = reverse == null ? 0 : (int) reverse[0];
    }
    for (int i = 1; i <= count; i++) {
      int target = DistanceKey.node(list[i]);
      if (target == node) {
        report(Invariant.NO_SELF_LOOP, node, layer, "links to itself");
        continue;
      }
      if (reverses[i] == null) {
        report(Invariant.EDGE_TARGET_IN_LAYER, node, layer, "edge to " + describe(target) + " not on this layer");
        continue;
      }
      if (indexOf(list, 1, i, target) >= 0) {
        report(Invariant.NO_DUPLICATE_EDGE, node, layer, "edge to " + describe(target) + " appears twice");
        continue;
      }
      if (indexOf(reverses[i], 1, reverseDegrees[i] + 1, node) < 0) {
        report(Invariant.EDGES_BIDIRECTIONAL, node, layer, "edge to " + describe(target) + " has no reverse edge");
      }
    }
    Arrays.fill(reverses, 1, count + 1, null); // hold no list past the check
  }

  private void checkEntryPoint(int highestLevel) {
    int entry = graph.entryPoint();
    int maxLevel = graph.maxLevel();
    Invariant invariant = Invariant.ENTRY_POINT_ON_TOP_LAYER;
    if (graph.size() == 0) {
      if (entry != -1 || maxLevel != -1) {
        report(invariant, -1, maxLevel, "empty graph has entry point " + entry + " and top layer " + maxLevel);
      }
      return;
    }
    if (entry < 0 || entry >= graph.size()) {
      report(invariant, -1, maxLevel, "entry point " + entry + " names no node");
      return;
    }
    if (maxLevel != highestLevel) {
      report(invariant, entry, maxLevel, "top layer is " + maxLevel + " but the highest node level is " + highestLevel);
    }
    if (!graph.isOnLayer(entry, maxLevel)) {
      report(invariant, entry, maxLevel, "entry point (level " + graph.level(entry) + ") is not on the top layer");
    }
  }

  /** The slot in {@code list[from..to)} whose key names {@code node}, or -1. */
  private static int indexOf(long[] list, int from, int to, int node) {
    for (int i = from; i < to; i++) {
      if (DistanceKey.node(list[i]) == node) {
        return i;
      }
    }
    return -1;
  }

  private String describe(int node) {
    return node >= 0 && node < graph.size() ? "id " + graph.id(node) : "index " + node + " (no such node)";
  }

  private void report(Invariant invariant, int node, int layer, String detail) {
    long id = node >= 0 && node < graph.size() ? graph.id(node) : IntegrityViolation.NO_NODE;
    violations.add(new IntegrityViolation(invariant, id, layer, detail));
  }
}
