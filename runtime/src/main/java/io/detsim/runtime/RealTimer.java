package io.detsim.runtime;

import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A timer of one actor's life. Its state moves PENDING -> QUEUED (the scheduler put it in the
 * mailbox) -> RAN, or to CANCELLED from either of the first two; the compare-and-set on each step
 * is what lets {@code cancelTimer} on the actor's thread race the scheduler thread safely, and
 * answer exactly as the port promises (false once it ran or was cancelled).
 */
final class RealTimer {
  private static final int PENDING = 0;
  private static final int QUEUED = 1;
  private static final int RAN = 2;
  private static final int CANCELLED = 3;

  final long handle;
  final int incarnation;
  final Runnable task;
  private final AtomicInteger state = new AtomicInteger(PENDING);
  private volatile ScheduledFuture<?> future;

  RealTimer(long handle, int incarnation, Runnable task) {
    this.handle = handle;
    this.incarnation = incarnation;
    this.task = task;
  }

  void scheduledAs(ScheduledFuture<?> scheduled) {
    this.future = scheduled;
  }

  /** The delay is over: true when the timer should go into the mailbox. */
  boolean fire() {
    return state.compareAndSet(PENDING, QUEUED);
  }

  /** Its turn in the mailbox came: true when the task should run. */
  boolean claim() {
    return state.compareAndSet(QUEUED, RAN);
  }

  /** True when this call cancelled it (it had neither run nor been cancelled). */
  boolean cancel() {
    if (state.compareAndSet(PENDING, CANCELLED)) {
      ScheduledFuture<?> scheduled = future;
      if (scheduled != null) {
        scheduled.cancel(false);
      }
      return true;
    }
    return state.compareAndSet(QUEUED, CANCELLED); // the mailbox entry then runs as a no-op
  }
}
