package io.detsim.engine.real;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.atomic.LongAdder;

/**
 * The embedded engine's admission at the edge: at most {@code limit} calls may be pending (taken in,
 * not yet answered) at once, and a call beyond that is refused on the caller's thread, at once,
 * before anything is allocated for it downstream.
 *
 * <p>Why at the edge: the server can refuse an observation only once its thread has read it, and an
 * overloaded server thread reads slower than callers write. With nothing bounding what waits in
 * the mailboxes between the caller, the engine's client and the server, a stream faster than the
 * server thread filled the heap with observations it had not yet refused (measured: about 1 GB and
 * 0.9 s GC pauses at 100K/s, docs/benchmarks.md). Every message on that path, and every entry of the
 * client's in-flight maps, belongs to a pending call, so this one counter bounds them all.
 *
 * <p><b>The server's retry-after binds the edge too.</b> Once the server refused an offer of a lane
 * with OVER_CAPACITY and a retry-after, the edge refuses that lane's offers at once until then
 * ({@link #closeUntil}), with the time left. Without it, the edge let through as many offers as the
 * server answered, and the server spent its thread reading and refusing them (and refusing the
 * sequence gaps each refusal leaves): measured at 200K/s offered with one worker, GC 17 of 60 s and
 * 428 indexed a second, because the doomed offers took the CPU the worker needed.
 *
 * <p>The retry-after it gives follows the server's own rule (docs/engine.md): the time to answer
 * half of what is pending at the answer rate measured over the last {@link #RATE_WINDOW_NANOS} or
 * more, {@code idleNanos} when nothing was answered in that window, never more than {@code maxNanos}
 * nor less than 1 ms. Before the first window is measured it says one window: by then it can tell.
 */
final class OfferGate {
  static final long RATE_WINDOW_NANOS = 100_000_000L;
  private static final long RETRY_AFTER_MIN_NANOS = 1_000_000L;

  private final int limit;
  private final long idleNanos;
  private final long maxNanos;
  private final AtomicInteger pending = new AtomicInteger();
  private final AtomicLong answered = new AtomicLong();
  private final LongAdder refused = new LongAdder();
  private final AtomicLongArray closedUntilNanos;
  private long windowStartNanos = Long.MIN_VALUE; // guarded by this
  private long windowStartAnswered;
  private double answersPerNano;
  private boolean measured;

  OfferGate(int limit, long idleNanos, long maxNanos, int lanes) {
    this.limit = limit;
    this.idleNanos = idleNanos;
    this.maxNanos = maxNanos;
    this.closedUntilNanos = new AtomicLongArray(lanes);
  }

  /**
   * Takes a place for one call of {@code lane}; false, and counted as refused, when {@code limit}
   * are pending or the server asked that lane to wait until after {@code nowNanos}.
   */
  boolean tryEnter(int lane, long nowNanos) {
    if (nowNanos - closedUntilNanos.get(lane) < 0) {
      refused.increment();
      return false;
    }
    while (true) {
      int now = pending.get();
      if (now >= limit) {
        refused.increment();
        return false;
      }
      if (pending.compareAndSet(now, now + 1)) {
        return true;
      }
    }
  }

  /** A call taken in by {@link #tryEnter} has its answer. */
  void leave() {
    pending.decrementAndGet();
    answered.incrementAndGet();
  }

  /** The server refused a call of {@code lane} with a retry-after: the lane waits until {@code untilNanos}. */
  void closeUntil(int lane, long untilNanos) {
    closedUntilNanos.accumulateAndGet(lane, untilNanos, (now, until) -> until - now > 0 ? until : now);
  }

  /** How long a caller of {@code lane} refused at {@code nowNanos} should wait before it offers again. */
  long retryAfterNanos(int lane, long nowNanos) {
    long closedFor = closedUntilNanos.get(lane) - nowNanos;
    return closedFor > 0 ? closedFor : retryAfterNanos(nowNanos);
  }

  /** How long a refused caller should wait before it offers again. */
  synchronized long retryAfterNanos(long nowNanos) {
    long count = answered.get();
    if (windowStartNanos == Long.MIN_VALUE) {
      windowStartNanos = nowNanos;
      windowStartAnswered = count;
    } else if (nowNanos - windowStartNanos >= RATE_WINDOW_NANOS) {
      answersPerNano = (count - windowStartAnswered) / (double) (nowNanos - windowStartNanos);
      windowStartNanos = nowNanos;
      windowStartAnswered = count;
      measured = true;
    }
    if (!measured) {
      return RATE_WINDOW_NANOS;
    }
    if (answersPerNano <= 0) {
      return idleNanos;
    }
    double drainNanos = pending.get() / 2.0 / answersPerNano;
    return (long) Math.max(RETRY_AFTER_MIN_NANOS, Math.min(maxNanos, drainNanos));
  }

  int pending() {
    return pending.get();
  }

  long refused() {
    return refused.sum();
  }
}
