package io.detsim.engine.index;

import java.util.Arrays;

/**
 * From the caller's node ids to internal node indexes: open addressing with linear probing over
 * primitive arrays, so a lookup boxes nothing. It is never iterated, so its layout cannot leak into
 * behaviour; it has no removal because nodes are never deleted.
 */
final class LongIntMap {
  private static final int ABSENT = -1;

  private long[] keys = new long[16];
  private int[] values = filled(16);
  private int size;

  int size() {
    return size;
  }

  /** The value of {@code key}, or -1 if it has none. */
  int get(long key) {
    int mask = keys.length - 1;
    for (int slot = slot(key, mask); ; slot = (slot + 1) & mask) {
      int value = values[slot];
      if (value == ABSENT || keys[slot] == key) {
        return value;
      }
    }
  }

  /** Maps {@code key} to {@code value}, which must not be negative; the key must be new. */
  void putNew(long key, int value) {
    if ((size + 1) * 2 > keys.length) {
      grow();
    }
    insert(keys, values, key, value);
    size++;
  }

  private void grow() {
    long[] oldKeys = keys;
    int[] oldValues = values;
    keys = new long[oldKeys.length * 2];
    values = filled(oldKeys.length * 2);
    for (int i = 0; i < oldKeys.length; i++) {
      if (oldValues[i] != ABSENT) {
        insert(keys, values, oldKeys[i], oldValues[i]);
      }
    }
  }

  private static void insert(long[] keys, int[] values, long key, int value) {
    int mask = keys.length - 1;
    int slot = slot(key, mask);
    while (values[slot] != ABSENT) {
      if (keys[slot] == key) {
        throw new AssertionError("key already mapped: " + key);
      }
      slot = (slot + 1) & mask;
    }
    keys[slot] = key;
    values[slot] = value;
  }

  /** SplitMix64's finaliser: sequential ids spread over the whole table. */
  private static int slot(long key, int mask) {
    long z = key;
    z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
    z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
    z = z ^ (z >>> 31);
    return (int) z & mask;
  }

  private static int[] filled(int length) {
    int[] array = new int[length];
    Arrays.fill(array, ABSENT);
    return array;
  }
}
