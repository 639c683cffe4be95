package io.detsim.engine.index;

/**
 * One breach of graph integrity (docs/engine.md, guarantee 7), named so that a failing run says which
 * invariant broke, where.
 *
 * @param invariant the invariant that does not hold
 * @param nodeId the caller's id of the node concerned, or {@link #NO_NODE} when there is none (an
 *     entry point that names no node)
 * @param layer the layer concerned, or -1 when the invariant is not about one layer
 * @param detail what was found, in words
 */
public record IntegrityViolation(Invariant invariant, long nodeId, int layer, String detail) {
  /** The node id reported when a violation concerns no existing node. */
  public static final long NO_NODE = Long.MIN_VALUE;

  /** The invariants of guarantee 7. */
  public enum Invariant {
    /** Every edge points to a node that exists in that layer. */
    EDGE_TARGET_IN_LAYER,
    /** A node in layer L is in every layer below L. */
    PRESENT_IN_LOWER_LAYERS,
    /** Degree is at most M above layer 0 and at most M0 on layer 0. */
    DEGREE_BOUNDED,
    /** No node links to itself. */
    NO_SELF_LOOP,
    /** No edge appears twice in a list. */
    NO_DUPLICATE_EDGE,
    /** The entry point is a node of the top layer, and the top layer is the highest node level. */
    ENTRY_POINT_ON_TOP_LAYER,
    /** Every edge has its reverse edge. */
    EDGES_BIDIRECTIONAL
  }

  @Override
  public String toString() {
    String node = nodeId == NO_NODE ? "-" : Long.toString(nodeId);
    return invariant + " node=" + node + " layer=" + layer + ": " + detail;
  }
}
