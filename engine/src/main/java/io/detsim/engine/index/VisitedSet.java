package io.detsim.engine.index;

import java.util.Arrays;

/**
 * The nodes one search has visited, as generation stamps: a node is visited when its stamp equals
 * the current epoch, so clearing is one increment instead of a pass over all nodes.
 */
final class VisitedSet {
  private int[] stamps = new int[64];
  private int epoch;

  /** Starts a new search over nodes {@code [0, nodeCount)}: nothing is visited. */
  void clear(int nodeCount) {
    if (stamps.length < nodeCount) {
      stamps = Arrays.copyOf(stamps, StrictMath.max(nodeCount, stamps.length * 2));
    }
    epoch++;
    if (epoch == 0) { // wrapped after 2^32 searches: old stamps could collide, so wipe them
      Arrays.fill(stamps, 0);
      epoch = 1;
    }
  }

  /** Marks {@code node} visited; true if it was not visited before in this search. */
  boolean visit(int node) {
    if (stamps[node] == epoch) {
      return false;
    }
    stamps[node] = epoch;
    return true;
  }
}
