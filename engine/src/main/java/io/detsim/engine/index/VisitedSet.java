package io.detsim.engine.index;

import java.util.Arrays;

/**
 * The nodes one search has visited, as generation stamps: a node is visited when its stamp equals
 * the current epoch, so clearing is one increment instead of a pass over all nodes.
 *
 * <p>Stamps are 16 bits, as hnswlib's are: a search reads one stamp at random for every neighbour
 * it meets, and in a graph of a million nodes half the bytes is half the cache the stamps take
 * from the vectors and lists. The price is a pass over all stamps every 65,535 searches, when the
 * epoch wraps.
 */
final class VisitedSet {
  private char[] stamps = new char[64];
  private char epoch;

  /** Starts a new search over nodes {@code [0, nodeCount)}: nothing is visited. */
  void clear(int nodeCount) {
    if (stamps.length < nodeCount) {
      stamps = Arrays.copyOf(stamps, StrictMath.max(nodeCount, stamps.length * 2));
    }
    epoch++;
    if (epoch == 0) { // wrapped: old stamps could collide with the new epochs, so wipe them
      Arrays.fill(stamps, (char) 0);
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
