package io.detsim.engine.index;

import io.detsim.engine.index.IntegrityViolation.Invariant;
import java.util.ArrayList;
import java.util.List;

/**
 * Checks graph integrity (docs/engine.md guarantee 7) from the stored structure alone, assuming nothing
 * the insert path is supposed to ensure: every list is read as it is, so a bug in insertion or a
 * corrupted graph is reported rather than hidden. Each violation names its invariant, node and
 * layer; the nodes are visited in index order, so the report is deterministic.
 */
final class IntegrityChecker {
  private final HnswGraph graph;
  private final List<IntegrityViolation> violations = new ArrayList<>();

  IntegrityChecker(HnswGraph graph) {
    this.graph = graph;
  }

  List<IntegrityViolation> check() {
    int highestLevel = -1;
    for (int node = 0; node < graph.size(); node++) {
      highestLevel = StrictMath.max(highestLevel, graph.level(node));
      for (int layer = 0; layer <= graph.level(node); layer++) {
        if (graph.isOnLayer(node, layer)) {
          checkList(node, layer);
        } else {
          report(Invariant.PRESENT_IN_LOWER_LAYERS, node, layer,
              "node has level " + graph.level(node) + " but is missing from layer " + layer);
        }
      }
    }
    checkEntryPoint(highestLevel);
    return List.copyOf(violations);
  }

  private void checkList(int node, int layer) {
    long[] list = graph.neighbours(node, layer);
    int count = (int) list[0];
    int maxDegree = graph.params().maxDegree(layer);
    if (count > maxDegree) {
      report(Invariant.DEGREE_BOUNDED, node, layer, "degree " + count + " exceeds " + maxDegree);
    }
    for (int i = 1; i <= count; i++) {
      int target = DistanceKey.node(list[i]);
      if (target == node) {
        report(Invariant.NO_SELF_LOOP, node, layer, "links to itself");
        continue;
      }
      if (!graph.isOnLayer(target, layer)) {
        report(Invariant.EDGE_TARGET_IN_LAYER, node, layer, "edge to " + describe(target) + " not on this layer");
        continue;
      }
      if (indexOf(list, 1, i, target) >= 0) {
        report(Invariant.NO_DUPLICATE_EDGE, node, layer, "edge to " + describe(target) + " appears twice");
        continue;
      }
      long[] reverse = graph.neighbours(target, layer);
      if (indexOf(reverse, 1, (int) reverse[0] + 1, node) < 0) {
        report(Invariant.EDGES_BIDIRECTIONAL, node, layer, "edge to " + describe(target) + " has no reverse edge");
      }
    }
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
