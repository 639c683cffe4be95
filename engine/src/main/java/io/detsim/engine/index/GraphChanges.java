package io.detsim.engine.index;

import java.util.Arrays;

/**
 * What changed in a graph since its last integrity check, so that the next check walks only that
 * ({@link IntegrityChecker#checkChanged}) instead of every list: a log the graph's mutators append
 * to, kept only once a caller has asked for incremental checks (the engine itself never does, and
 * pays nothing for it).
 *
 * <p>Two kinds of record. {@code node(a)}: a node added, or a list of {@code a} dropped or overwritten
 * by a test hook, so every list of {@code a} is checked again. {@code edge(a, b, layer)}: the edge
 * {@code a -> b} on {@code layer} may have broken, because it was appended or came with a replaced
 * list (its own invariants: no self-loop, target on the layer, no duplicate, degree bound, reverse
 * edge) or because {@code b -> a} went away (its reverse edge). Which records a mutation writes, and
 * why that is every node a full check could newly report, is in {@link IntegrityChecker#checkChanged}.
 *
 * <p>The log is bounded: past {@link #limit} records it stops recording and the next check is a full
 * one, which costs no more than walking the log would have.
 */
final class GraphChanges {
  private static final int NODE = -1;

  /** Three ints a record: a, b (or {@link #NODE}), layer. */
  private int[] records = new int[3 * 1024];
  private int size;
  private boolean overflowed;
  /** Whether the last check found the graph sound; if not, the next check is a full one. */
  private boolean baselineSound;
  private int checkedSize;
  private int checkedHighestLevel = -1;
  /** Marks of a replaced list's old and new targets ({@link #listChanged}), by node, for one epoch. */
  private int[] inOld = new int[0];
  private int[] inNew = new int[0];
  private int epoch;

  /** Every list of {@code node} must be checked again. */
  void node(int node) {
    add(node, NODE, 0);
  }

  /** The edge {@code node -> target} on {@code layer}, if the list holds it, must be checked again. */
  void edge(int node, int target, int layer) {
    add(node, target, layer);
  }

  /**
   * {@code node}'s list on {@code layer} is being replaced or dropped: it and every edge into it from a
   * node its old list named (the reverse edges, when the graph was sound) must be checked again.
   */
  void listReplaced(int node, int layer, long[] oldList) {
    node(node);
    if (oldList != null) {
      int count = (int) oldList[0];
      for (int i = 1; i <= count; i++) {
        edge(DistanceKey.node(oldList[i]), node, layer);
      }
    }
  }

  /**
   * {@code node}'s list on {@code layer}, in a graph of {@code nodes} nodes, goes from {@code oldList}
   * to {@code newKeys[0..count)}: only the edges that came and went are recorded, which is every place
   * a full check could newly report (a target that names no node gets the whole node checked, as a
   * full check would). An edge that came ({@code node -> t}, or a second copy of one) carries the list's own invariants
   * (self-loop, target on the layer, duplicate, degree: a list can only outgrow its bound by gaining
   * an entry) and its reverse edge; an edge that went ({@code node -> t}) may leave {@code t -> node}
   * without its reverse. Entries kept in both lists keep their reverse edges, whose loss is recorded
   * where it happens. A pruned list usually gains one entry and loses one: two records, where
   * recording the whole list again cost a full check of the node and of every old neighbour's edge.
   */
  void listChanged(int node, int layer, long[] oldList, long[] newKeys, int count, int nodes) {
    int oldCount = (int) oldList[0];
    int mark = nextEpoch(nodes);
    for (int i = 1; i <= oldCount; i++) {
      int target = DistanceKey.node(oldList[i]);
      if (target >= 0 && target < nodes) {
        inOld[target] = mark;
      }
    }
    for (int i = 0; i < count; i++) {
      int target = DistanceKey.node(newKeys[i]);
      if (target < 0 || target >= nodes) {
        node(node); // names no node: check the whole node, as a full check would
        continue;
      }
      if (inOld[target] != mark || inNew[target] == mark) {
        edge(node, target, layer); // new, or a second copy
      }
      inNew[target] = mark;
    }
    for (int i = 1; i <= oldCount; i++) {
      int target = DistanceKey.node(oldList[i]);
      if (target >= 0 && target < nodes && inNew[target] != mark) {
        edge(target, node, layer); // gone: target -> node may have lost its reverse edge
      }
    }
  }

  /** Starts a new epoch, with mark arrays that reach every one of the graph's {@code nodes}. */
  private int nextEpoch(int nodes) {
    if (nodes > inOld.length) {
      int length = (int) StrictMath.min(Integer.MAX_VALUE - 8L, StrictMath.max(1024L, 2L * nodes));
      inOld = Arrays.copyOf(inOld, length);
      inNew = Arrays.copyOf(inNew, length);
    }
    if (++epoch == 0) { // wrapped: forget every mark
      Arrays.fill(inOld, 0);
      Arrays.fill(inNew, 0);
      epoch = 1;
    }
    return epoch;
  }

  private void add(int a, int b, int layer) {
    if (overflowed) {
      return;
    }
    if (size + 3 > records.length) {
      if (records.length >= limit) {
        overflowed = true;
        return;
      }
      records = Arrays.copyOf(records, (int) StrictMath.min(Integer.MAX_VALUE - 8L, 2L * records.length));
    }
    records[size] = a;
    records[size + 1] = b;
    records[size + 2] = layer;
    size += 3;
  }

  /** Past this many ints the log gives up: a full check is then cheaper than the log. */
  private int limit = 3 * 65_536;

  /** Sizes the bound for a graph of {@code nodes} nodes: 16 records a node, at least 65,536. */
  private void limitFor(int nodes) {
    limit = (int) StrictMath.min(Integer.MAX_VALUE - 8L, 3L * (16L * nodes + 65_536));
  }

  /** Whether the next check can walk the log: the last one found the graph sound and nothing was lost. */
  boolean usable() {
    return baselineSound && !overflowed;
  }

  int recordCount() {
    return size / 3;
  }

  int a(int record) {
    return records[3 * record];
  }

  /** The edge's target, or -1 for a node record. */
  int b(int record) {
    return records[3 * record + 1];
  }

  boolean isNode(int record) {
    return records[3 * record + 1] == NODE;
  }

  int layer(int record) {
    return records[3 * record + 2];
  }

  /** How many nodes the last check saw, and their highest level. */
  int checkedSize() {
    return checkedSize;
  }

  int checkedHighestLevel() {
    return checkedHighestLevel;
  }

  /**
   * Starts a new interval after a check of {@code nodes} nodes, whose highest level was
   * {@code highestLevel}, that found the graph {@code sound} or not.
   */
  void reset(boolean sound, int nodes, int highestLevel) {
    size = 0;
    overflowed = false;
    baselineSound = sound;
    checkedSize = nodes;
    checkedHighestLevel = highestLevel;
    limitFor(nodes);
    if (records.length > 3 * 1024 * 64) {
      records = new int[3 * 1024]; // do not keep a burst's log for ever
    }
  }
}
