package io.detsim.sim;

import java.util.Arrays;

/**
 * An actor's FIFO of work that arrived while it was busy, paused, or had older work queued: a ring
 * of parallel arrays (kind, source-or-task, message, timer handle), so deferring work allocates
 * nothing once the ring has grown to the actor's working size.
 */
final class Mailbox {
  static final int MESSAGE = 1;
  static final int TIMER = 2;
  static final int LOCAL_MESSAGE = 3;

  private int[] kinds = new int[8];
  private Object[] firsts = new Object[8];
  private Object[] seconds = new Object[8];
  private long[] handles = new long[8];
  private int head;
  private int size;

  boolean isEmpty() {
    return size == 0;
  }

  int size() {
    return size;
  }

  void add(int kind, Object first, Object second, long handle) {
    if (size == kinds.length) {
      grow();
    }
    int tail = (head + size) & (kinds.length - 1);
    kinds[tail] = kind;
    firsts[tail] = first;
    seconds[tail] = second;
    handles[tail] = handle;
    size++;
  }

  int peekKind() {
    return kinds[head];
  }

  Object peekFirst() {
    return firsts[head];
  }

  Object peekSecond() {
    return seconds[head];
  }

  void removeHead() {
    firsts[head] = null;
    seconds[head] = null;
    head = (head + 1) & (kinds.length - 1);
    size--;
  }

  /** Removes a waiting timer by its handle; false when none waits. */
  boolean removeTimer(long handle) {
    for (int i = 0; i < size; i++) {
      int index = (head + i) & (kinds.length - 1);
      if (kinds[index] == TIMER && handles[index] == handle) {
        firsts[index] = null; // the timer stays in line as a no-op, preserving the order of the rest
        kinds[index] = 0;
        return true;
      }
    }
    return false;
  }

  void clear() {
    Arrays.fill(firsts, null);
    Arrays.fill(seconds, null);
    head = 0;
    size = 0;
  }

  private void grow() {
    int capacity = kinds.length * 2;
    int[] newKinds = new int[capacity];
    Object[] newFirsts = new Object[capacity];
    Object[] newSeconds = new Object[capacity];
    long[] newHandles = new long[capacity];
    for (int i = 0; i < size; i++) {
      int index = (head + i) & (kinds.length - 1);
      newKinds[i] = kinds[index];
      newFirsts[i] = firsts[index];
      newSeconds[i] = seconds[index];
      newHandles[i] = handles[index];
    }
    kinds = newKinds;
    firsts = newFirsts;
    seconds = newSeconds;
    handles = newHandles;
    head = 0;
  }
}
