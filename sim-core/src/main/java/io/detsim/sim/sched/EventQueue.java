package io.detsim.sim.sched;

import java.util.Arrays;

/**
 * The pending events, ordered by (time, order): an indexed 4-ary min-heap over primitive arrays.
 *
 * <p>Why not {@code PriorityQueue<Event>}: that allocates an event object per schedule and chases a
 * pointer per comparison. Here an event lives in a slot of parallel arrays (recycled through a free
 * list), and the heap holds the slot numbers with their two keys inline, so a sift compares longs
 * in one array and moves three values. A 4-ary heap is shallower than a binary one, and its four
 * children share a cache line or two. Each slot knows its heap position, so cancelling a timer is a
 * removal in O(log n), and {@link #size()} is exact (no tombstones).
 *
 * <p>A handle names a slot and that slot's generation, so a stale handle (the event already ran, its
 * slot now reused) is recognised and cancels nothing.
 */
final class EventQueue {
  private static final int ARITY_SHIFT = 2; // 4 children per node

  // The heap, in heap order: keys inline, slot numbers beside them.
  private long[] heapTime;
  private long[] heapOrder;
  private int[] heapSlot;
  private int size;

  // The slots, in slot order.
  private EventTarget[] targets;
  private int[] kinds;
  private long[] args;
  private Object[] payloads;
  private int[] positions; // heap index of the slot's event, -1 when free
  private int[] generations;
  private int[] freeSlots;
  private int freeCount;
  private int slotCount;

  EventQueue(int initialCapacity) {
    int capacity = Math.max(16, initialCapacity);
    heapTime = new long[capacity];
    heapOrder = new long[capacity];
    heapSlot = new int[capacity];
    targets = new EventTarget[capacity];
    kinds = new int[capacity];
    args = new long[capacity];
    payloads = new Object[capacity];
    positions = new int[capacity];
    generations = new int[capacity];
    freeSlots = new int[capacity];
  }

  int size() {
    return size;
  }

  boolean isEmpty() {
    return size == 0;
  }

  /** Adds an event; returns its handle. */
  long push(long time, long order, EventTarget target, int kind, long arg, Object payload) {
    int slot = allocateSlot();
    targets[slot] = target;
    kinds[slot] = kind;
    args[slot] = arg;
    payloads[slot] = payload;
    if (size == heapTime.length) {
      growHeap();
    }
    siftUp(size++, time, order, slot);
    return ((long) generations[slot] << 32) | slot;
  }

  /** Time of the earliest event; only when not empty. */
  long peekTime() {
    return heapTime[0];
  }

  /**
   * Removes the earliest event and returns its slot; read it with the accessors, then
   * {@link #release} it. The slot is not reused before release.
   */
  int popSlot() {
    int slot = heapSlot[0];
    positions[slot] = -1;
    int last = --size;
    if (last > 0) {
      siftDown(0, heapTime[last], heapOrder[last], heapSlot[last]);
    }
    return slot;
  }

  EventTarget target(int slot) {
    return targets[slot];
  }

  int kind(int slot) {
    return kinds[slot];
  }

  long arg(int slot) {
    return args[slot];
  }

  Object payload(int slot) {
    return payloads[slot];
  }

  /** The handle {@link #push} returned for the event in this slot (valid until release). */
  long handleOf(int slot) {
    return ((long) generations[slot] << 32) | slot;
  }

  void release(int slot) {
    targets[slot] = null;
    payloads[slot] = null;
    generations[slot]++;
    freeSlots[freeCount++] = slot;
  }

  /** Removes the event with this handle if it is still pending. */
  boolean cancel(long handle) {
    int slot = (int) handle;
    if (slot < 0 || slot >= slotCount || generations[slot] != (int) (handle >>> 32)) {
      return false;
    }
    int position = positions[slot];
    if (position < 0) {
      return false;
    }
    positions[slot] = -1;
    int last = --size;
    if (position != last) {
      long time = heapTime[last];
      long order = heapOrder[last];
      int movedSlot = heapSlot[last];
      if (before(time, order, heapTime[position], heapOrder[position])) {
        siftUp(position, time, order, movedSlot);
      } else {
        siftDown(position, time, order, movedSlot);
      }
    }
    release(slot);
    return true;
  }

  private static boolean before(long time, long order, long otherTime, long otherOrder) {
    return time < otherTime || (time == otherTime && order < otherOrder);
  }

  private void siftUp(int index, long time, long order, int slot) {
    while (index > 0) {
      int parent = (index - 1) >>> ARITY_SHIFT;
      if (!before(time, order, heapTime[parent], heapOrder[parent])) {
        break;
      }
      place(index, heapTime[parent], heapOrder[parent], heapSlot[parent]);
      index = parent;
    }
    place(index, time, order, slot);
  }

  private void siftDown(int index, long time, long order, int slot) {
    while (true) {
      int firstChild = (index << ARITY_SHIFT) + 1;
      if (firstChild >= size) {
        break;
      }
      int best = firstChild;
      int end = Math.min(firstChild + 4, size);
      for (int child = firstChild + 1; child < end; child++) {
        if (before(heapTime[child], heapOrder[child], heapTime[best], heapOrder[best])) {
          best = child;
        }
      }
      if (!before(heapTime[best], heapOrder[best], time, order)) {
        break;
      }
      place(index, heapTime[best], heapOrder[best], heapSlot[best]);
      index = best;
    }
    place(index, time, order, slot);
  }

  private void place(int index, long time, long order, int slot) {
    heapTime[index] = time;
    heapOrder[index] = order;
    heapSlot[index] = slot;
    positions[slot] = index;
  }

  private int allocateSlot() {
    if (freeCount > 0) {
      return freeSlots[--freeCount];
    }
    if (slotCount == targets.length) {
      growSlots();
    }
    return slotCount++;
  }

  private void growHeap() {
    int capacity = heapTime.length * 2;
    heapTime = Arrays.copyOf(heapTime, capacity);
    heapOrder = Arrays.copyOf(heapOrder, capacity);
    heapSlot = Arrays.copyOf(heapSlot, capacity);
  }

  private void growSlots() {
    int capacity = targets.length * 2;
    targets = Arrays.copyOf(targets, capacity);
    kinds = Arrays.copyOf(kinds, capacity);
    args = Arrays.copyOf(args, capacity);
    payloads = Arrays.copyOf(payloads, capacity);
    positions = Arrays.copyOf(positions, capacity);
    generations = Arrays.copyOf(generations, capacity);
    freeSlots = Arrays.copyOf(freeSlots, capacity);
  }
}
