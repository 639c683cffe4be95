package io.detsim.scenarios.engine.validate;

import io.detsim.engine.index.HnswIndex;
import io.detsim.engine.index.IntegrityViolation;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The HNSW invariants of docs/engine.md item 7, checked at checkpoints during a run (not only at the
 * end: a violation that a later insert repairs by accident must still be caught). The full check is
 * the index's own {@code checkIntegrity()}; the original design's two static checks (bidirectional
 * edges, layer hierarchy) are kept for graphs given as adjacency maps.
 */
public final class GraphIntegrityValidator {
  private GraphIntegrityValidator() {}

  /** Every violated invariant of the index, as one violation naming the first few. */
  public static Optional<Violation> check(String space, HnswIndex index, long atNanos) {
    return report(space, index.checkIntegrity(), atNanos);
  }

  /**
   * {@link #check}, walking only what changed in the index since its last check
   * ({@link HnswIndex#checkIntegritySinceLastCheck}: the same violations, in the same order), so a run
   * that checks at every checkpoint is linear in its inserts, not in inserts times checkpoints.
   */
  public static Optional<Violation> checkSinceLastCheck(String space, HnswIndex index, long atNanos) {
    return report(space, index.checkIntegritySinceLastCheck(), atNanos);
  }

  private static Optional<Violation> report(String space, List<IntegrityViolation> found, long atNanos) {
    if (found.isEmpty()) {
      return Optional.empty();
    }
    List<String> evidence = new ArrayList<>();
    found.forEach(v -> evidence.add(v.toString()));
    return Optional.of(new Violation(Violation.Kind.GRAPH_INTEGRITY, found.get(0).toString() + " in " + space
        + (found.size() > 1 ? " (and " + (found.size() - 1) + " more)" : ""), atNanos, evidence));
  }

  /** Every edge A to B needs B to exist and B's list to contain A. */
  public static Optional<String> validateBidirectional(Map<Long, long[]> graph) {
    for (Map.Entry<Long, long[]> node : graph.entrySet()) {
      for (long target : node.getValue()) {
        long[] back = graph.get(target);
        if (back == null) {
          return Optional.of("target node not found: " + node.getKey() + " -> " + target);
        }
        if (!contains(back, node.getKey())) {
          return Optional.of("reverse edge missing: " + target + " -> " + node.getKey());
        }
      }
    }
    return Optional.empty();
  }

  /** Every node of layer i is in layer i - 1. */
  public static Optional<String> validateLayerHierarchy(List<Set<Long>> layers) {
    for (int layer = 1; layer < layers.size(); layer++) {
      for (long node : layers.get(layer)) {
        if (!layers.get(layer - 1).contains(node)) {
          return Optional.of("node " + node + " is in layer " + layer + " but not in layer " + (layer - 1));
        }
      }
    }
    return Optional.empty();
  }

  private static boolean contains(long[] values, long value) {
    for (long v : values) {
      if (v == value) {
        return true;
      }
    }
    return false;
  }
}
