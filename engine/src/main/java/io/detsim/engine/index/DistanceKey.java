package io.detsim.engine.index;

/**
 * A distance and a node index packed into one {@code long}, so that heaps and sorts compare
 * plain longs: no boxing, no comparator, and ties in distance are broken by node index.
 *
 * <p>The high 32 bits are the IEEE bits of a distance that is {@code +0.0} or positive (see
 * {@link Vectors#distance}); for such floats the bit pattern, read as an int, orders exactly as the
 * float does. The low 32 bits are the node index, which is never negative. So keys are never
 * negative, and {@code a < b} means nearer, or as near with a smaller index. The node index is the
 * order of insertion, so the tie-break is as deterministic as the insertion order.
 */
final class DistanceKey {
  private DistanceKey() {}

  static long of(float distance, int node) {
    return ((long) Float.floatToRawIntBits(distance) << 32) | (node & 0xFFFF_FFFFL);
  }

  static float distance(long key) {
    return Float.intBitsToFloat((int) (key >>> 32));
  }

  static int node(long key) {
    return (int) key;
  }
}
