package io.detsim.sim.disk;

import java.util.PriorityQueue;

/** A hand-cranked virtual-time queue for one node incarnation: tests decide when syncs complete. */
public final class ManualTimer implements SyncTimer {
  private record Entry(long dueNanos, long sequence, Runnable task) {}

  private final PriorityQueue<Entry> queue =
      new PriorityQueue<>((a, b) -> a.dueNanos != b.dueNanos
          ? Long.compare(a.dueNanos, b.dueNanos)
          : Long.compare(a.sequence, b.sequence));
  private long nowNanos;
  private long nextSequence;

  @Override
  public void schedule(long delayNanos, Runnable task) {
    queue.add(new Entry(nowNanos + delayNanos, nextSequence++, task));
  }

  /** Runs the next due task; false if none is pending. */
  public boolean runNext() {
    Entry entry = queue.poll();
    if (entry == null) {
      return false;
    }
    nowNanos = entry.dueNanos;
    entry.task.run();
    return true;
  }

  public void runAll() {
    while (runNext()) {
      // each task may schedule more
    }
  }

  public int pending() {
    return queue.size();
  }

  public long nowNanos() {
    return nowNanos;
  }
}
