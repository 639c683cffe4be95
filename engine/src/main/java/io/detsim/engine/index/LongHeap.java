package io.detsim.engine.index;

import java.util.Arrays;

/**
 * A binary heap of {@link DistanceKey}s: the nearest on top, or the farthest. The search keeps one
 * of each (candidates to expand, results so far) and reuses them across calls, so a search
 * allocates nothing once the heaps have grown to the beam width.
 */
final class LongHeap {
  private final boolean farthestOnTop;
  private long[] keys = new long[64];
  private int size;

  private LongHeap(boolean farthestOnTop) {
    this.farthestOnTop = farthestOnTop;
  }

  static LongHeap nearestFirst() {
    return new LongHeap(false);
  }

  static LongHeap farthestFirst() {
    return new LongHeap(true);
  }

  int size() {
    return size;
  }

  boolean isEmpty() {
    return size == 0;
  }

  void clear() {
    size = 0;
  }

  long peek() {
    return keys[0];
  }

  void push(long key) {
    if (size == keys.length) {
      keys = Arrays.copyOf(keys, size * 2);
    }
    siftUp(size++, key);
  }

  /** Puts {@code key} at {@code hole} or above it, moving down the parents it is above. */
  private void siftUp(int hole, long key) {
    while (hole > 0) {
      int parent = (hole - 1) >>> 1;
      if (!above(key, keys[parent])) {
        break;
      }
      keys[hole] = keys[parent];
      hole = parent;
    }
    keys[hole] = key;
  }

  /**
   * Removes the top. Bottom-up (Floyd): the hole left at the top is moved down to a leaf along the
   * better children, one comparison a level, and the last key is then sifted up from there, which
   * is rarely more than a level or two. The classic sift-down compares twice a level, and this was
   * a fifth of the samples of a simulated sustained run (JFR, 30 s of sustained_10min's shape).
   */
  long pop() {
    long top = keys[0];
    long last = keys[--size];
    if (size == 0) {
      return top;
    }
    int hole = 0;
    int child = 1;
    while (child < size) {
      if (child + 1 < size && above(keys[child + 1], keys[child])) {
        child++;
      }
      keys[hole] = keys[child];
      hole = child;
      child = 2 * hole + 1;
    }
    siftUp(hole, last);
    return top;
  }

  /**
   * Replaces the top with {@code key}, which must not be above it (a nearer result in place of the
   * farthest): one sift-down where a push and a pop would do two passes.
   */
  void replaceTop(long key) {
    int hole = 0;
    int half = size >>> 1;
    while (hole < half) {
      int child = 2 * hole + 1;
      if (child + 1 < size && above(keys[child + 1], keys[child])) {
        child++;
      }
      if (!above(keys[child], key)) {
        break;
      }
      keys[hole] = keys[child];
      hole = child;
    }
    keys[hole] = key;
  }

  /** Copies the keys, in heap order, into {@code target}; returns how many. */
  int copyTo(long[] target) {
    System.arraycopy(keys, 0, target, 0, size);
    return size;
  }

  private boolean above(long a, long b) {
    return farthestOnTop ? a > b : a < b;
  }
}
