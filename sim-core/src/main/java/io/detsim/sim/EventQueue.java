package io.detsim.sim;

import java.util.Arrays;

/**
 * The pending events, ordered by (time, order): a radix heap [1] with radix 16, over primitive
 * arrays.
 *
 * <p>A simulation's queue is monotone: nothing is scheduled before the time of the event last
 * taken out (the base). A radix heap exploits that. An event goes, by one array append, into the
 * bucket named by the highest hexadecimal digit in which its time differs from the base and by its
 * own value of that digit (which is larger than the base's). Every event in a lower bucket is
 * earlier than every event in a higher one, so the earliest event is in the lowest non-empty
 * bucket; when the same-instant bucket is empty, that bucket is scanned once for its earliest time,
 * which becomes the base, and its events move to buckets of strictly lower digits. An event moves
 * at most 16 times, about 3 times in practice (radix 2 took about 7: radix 16 drops four bits a
 * move). Each move is a sequential scan, so the work stays in cache where a binary heap of 100,000
 * events takes a cache miss per level. Events at the base's instant wait in a small binary heap on
 * their order key, so ties come out exactly as in a sorted queue.
 *
 * <p>An event lives in a slot of parallel arrays (no object per event), recycled last-in first-out
 * so the slot a dispatch frees is the one the next schedule fills, still in cache. Cancellation is
 * lazy: a cancelled event stays where it is, marked, and is dropped when a scan or the bucket-0 heap
 * reaches it. A handle names a slot and that slot's generation, so a stale handle cancels nothing.
 *
 * <p>[1] R. Ahuja, K. Mehlhorn, J. Orlin, R. Tarjan, "Faster algorithms for the shortest path
 * problem", JACM 1990.
 */
final class EventQueue {
  private static final byte FREE = 0;
  private static final byte PENDING = 1;
  private static final byte CANCELLED = 2;
  private static final int DIGITS = 16; // hexadecimal digits of a long
  private static final int BUCKETS = DIGITS * 16; // bucket = digit position * 16 + digit value

  private final int[][] buckets = new int[BUCKETS][];
  private final int[] bucketSizes = new int[BUCKETS];
  private int nonEmptyPositions; // bit p: some bucket of digit position p has entries
  private final int[] nonEmptyValues = new int[DIGITS]; // per position, bit v: bucket (p, v) has entries
  // Bucket 0: the events at lastTime, a binary heap on their order key.
  private int[] sameTime = new int[64];
  private int sameTimeSize;
  private long lastTime; // the radix base: no stored event is earlier
  private long lastPopped;
  private int stored; // events anywhere in the structure, cancelled ones included
  private int cancelled;

  private long[] times;
  private long[] orders;
  private EventTarget[] targets;
  private int[] kinds;
  private long[] args;
  private Object[] payloads;
  private int[] generations;
  private byte[] states;
  private int[] freeSlots;
  private int freeCount;
  private int slotCount;

  EventQueue(int initialCapacity) {
    int capacity = Math.max(16, initialCapacity);
    times = new long[capacity];
    orders = new long[capacity];
    targets = new EventTarget[capacity];
    kinds = new int[capacity];
    args = new long[capacity];
    payloads = new Object[capacity];
    generations = new int[capacity];
    states = new byte[capacity];
    freeSlots = new int[capacity];
    for (int b = 0; b < BUCKETS; b++) {
      buckets[b] = new int[8];
    }
  }

  /** Pending events, cancelled ones excluded. */
  int size() {
    return stored - cancelled;
  }

  boolean isEmpty() {
    return stored == cancelled;
  }

  /**
   * Adds an event at {@code time}, which must not precede the last time taken out by
   * {@link #popSlot}; returns its handle.
   */
  long push(long time, long order, EventTarget target, int kind, long arg, Object payload) {
    if (time < lastPopped) {
      throw new IllegalArgumentException("a monotone queue cannot take time " + time + " after " + lastPopped);
    }
    if (time < lastTime) {
      rebase(time);
    }
    int slot = allocateSlot();
    times[slot] = time;
    orders[slot] = order;
    targets[slot] = target;
    kinds[slot] = kind;
    args[slot] = arg;
    payloads[slot] = payload;
    states[slot] = PENDING;
    stored++;
    place(slot, time);
    return ((long) generations[slot] << 32) | slot;
  }

  /** Time of the earliest pending event; only when not empty. */
  long peekTime() {
    fillSameTime();
    return lastTime;
  }

  /**
   * Removes the earliest pending event and returns its slot; read it with the accessors, then
   * {@link #release} it. Only when not empty.
   */
  int popSlot() {
    fillSameTime();
    stored--;
    lastPopped = lastTime;
    return removeSameTimeTop();
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
    states[slot] = FREE;
    generations[slot]++;
    freeSlots[freeCount++] = slot;
  }

  /** Cancels the event with this handle if it is still pending. */
  boolean cancel(long handle) {
    int slot = (int) handle;
    if (slot < 0 || slot >= slotCount || generations[slot] != (int) (handle >>> 32) || states[slot] != PENDING) {
      return false;
    }
    states[slot] = CANCELLED;
    payloads[slot] = null; // let the task go now, not when its time comes
    targets[slot] = null;
    cancelled++;
    return true;
  }

  // ---- buckets ----

  private void place(int slot, long time) {
    if (time == lastTime) {
      pushSameTime(slot);
      return;
    }
    int position = (63 - Long.numberOfLeadingZeros(time ^ lastTime)) >>> 2;
    int value = (int) (time >>> (position << 2)) & 15;
    int bucket = (position << 4) | value;
    int size = bucketSizes[bucket];
    int[] entries = buckets[bucket];
    if (size == entries.length) {
      entries = Arrays.copyOf(entries, size * 2);
      buckets[bucket] = entries;
    }
    entries[size] = slot;
    bucketSizes[bucket] = size + 1;
    nonEmptyPositions |= 1 << position;
    nonEmptyValues[position] |= 1 << value;
  }

  /** Makes bucket 0 hold the earliest pending events, dropping cancelled ones on the way. */
  private void fillSameTime() {
    while (true) {
      while (sameTimeSize > 0 && states[sameTime[0]] == CANCELLED) {
        stored--;
        cancelled--;
        release(removeSameTimeTop());
      }
      if (sameTimeSize > 0 || nonEmptyPositions == 0) {
        return;
      }
      redistributeLowestBucket();
    }
  }

  private void redistributeLowestBucket() {
    int position = Integer.numberOfTrailingZeros(nonEmptyPositions);
    int value = Integer.numberOfTrailingZeros(nonEmptyValues[position]);
    int bucket = (position << 4) | value;
    int[] entries = buckets[bucket];
    int size = bucketSizes[bucket];
    bucketSizes[bucket] = 0;
    nonEmptyValues[position] &= ~(1 << value);
    if (nonEmptyValues[position] == 0) {
      nonEmptyPositions &= ~(1 << position);
    }
    boolean anyLive = false; // not a sentinel time: an event may sit at Long.MAX_VALUE ("never")
    long earliest = Long.MAX_VALUE;
    for (int i = 0; i < size; i++) {
      int slot = entries[i];
      if (states[slot] != CANCELLED && times[slot] <= earliest) {
        earliest = times[slot];
        anyLive = true;
      }
    }
    if (anyLive) {
      lastTime = earliest;
    }
    for (int i = 0; i < size; i++) {
      int slot = entries[i];
      if (states[slot] == CANCELLED) {
        stored--;
        cancelled--;
        release(slot);
      } else {
        place(slot, times[slot]); // lands in a lower position: it now shares this digit with the base
      }
    }
  }

  /**
   * Moves the base back to {@code time}, earlier than every stored event. A peek moves the base to
   * the next event even when the scheduler then stops short of it (a run ends at a deadline), so a
   * driver scheduling between two runs may land before it. Rare, so a rebuild is fine.
   */
  private void rebase(long time) {
    int[] all = new int[stored];
    int count = 0;
    for (int i = 0; i < sameTimeSize; i++) {
      all[count++] = sameTime[i];
    }
    sameTimeSize = 0;
    for (int bucket = 0; bucket < BUCKETS; bucket++) {
      for (int i = 0; i < bucketSizes[bucket]; i++) {
        all[count++] = buckets[bucket][i];
      }
      bucketSizes[bucket] = 0;
    }
    nonEmptyPositions = 0;
    java.util.Arrays.fill(nonEmptyValues, 0);
    lastTime = time;
    for (int i = 0; i < count; i++) {
      place(all[i], times[all[i]]);
    }
  }

  // ---- bucket 0: a binary heap on the order key ----

  private void pushSameTime(int slot) {
    if (sameTimeSize == sameTime.length) {
      sameTime = Arrays.copyOf(sameTime, sameTimeSize * 2);
    }
    long order = orders[slot];
    int index = sameTimeSize++;
    while (index > 0) {
      int parent = (index - 1) >>> 1;
      if (orders[sameTime[parent]] <= order) {
        break;
      }
      sameTime[index] = sameTime[parent];
      index = parent;
    }
    sameTime[index] = slot;
  }

  private int removeSameTimeTop() {
    int top = sameTime[0];
    int last = sameTime[--sameTimeSize];
    if (sameTimeSize > 0) {
      long order = orders[last];
      int index = 0;
      while (true) {
        int child = 2 * index + 1;
        if (child >= sameTimeSize) {
          break;
        }
        if (child + 1 < sameTimeSize && orders[sameTime[child + 1]] < orders[sameTime[child]]) {
          child++;
        }
        if (orders[sameTime[child]] >= order) {
          break;
        }
        sameTime[index] = sameTime[child];
        index = child;
      }
      sameTime[index] = last;
    }
    return top;
  }

  // ---- slots ----

  private int allocateSlot() {
    if (freeCount > 0) {
      return freeSlots[--freeCount];
    }
    if (slotCount == targets.length) {
      growSlots();
    }
    return slotCount++;
  }

  private void growSlots() {
    int capacity = targets.length * 2;
    times = Arrays.copyOf(times, capacity);
    orders = Arrays.copyOf(orders, capacity);
    targets = Arrays.copyOf(targets, capacity);
    kinds = Arrays.copyOf(kinds, capacity);
    args = Arrays.copyOf(args, capacity);
    payloads = Arrays.copyOf(payloads, capacity);
    generations = Arrays.copyOf(generations, capacity);
    states = Arrays.copyOf(states, capacity);
    freeSlots = Arrays.copyOf(freeSlots, capacity);
  }
}
