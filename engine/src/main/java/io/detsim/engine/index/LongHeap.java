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
    int child = size++;
    while (child > 0) {
      int parent = (child - 1) >>> 1;
      if (!above(key, keys[parent])) {
        break;
      }
      keys[child] = keys[parent];
      child = parent;
    }
    keys[child] = key;
  }

  long pop() {
    long top = keys[0];
    long last = keys[--size];
    int parent = 0;
    int half = size >>> 1;
    while (parent < half) {
      int child = 2 * parent + 1;
      int right = child + 1;
      if (right < size && above(keys[right], keys[child])) {
        child = right;
      }
      if (!above(keys[child], last)) {
        break;
      }
      keys[parent] = keys[child];
      parent = child;
    }
    if (size > 0) {
      keys[parent] = last;
    }
    return top;
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
