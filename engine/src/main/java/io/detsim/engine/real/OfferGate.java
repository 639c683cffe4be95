package io.detsim.engine.real;

import io.detsim.engine.protocol.SessionStatus;
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
 * <p><b>The server's state binds the edge too.</b> Without that, the edge let through as many
 * offers as the server answered, and the server spent its thread reading and refusing them (and
 * the sequence gaps each refusal leaves): measured at 200K/s offered with one worker, GC 17 of 60 s
 * and 428 indexed a second, the doomed offers taking the CPU the worker needed. So while the server
 * says its queue is OVERLOADED (its Status, sent on every change) every offer is refused here; and
 * once it refused a lane with OVER_CAPACITY (a full lane, under the overload threshold), that lane
 * is refused here for the retry-after, but at most {@link #CLOSE_MAX_NANOS}: the server's estimate
 * can be far too long (60 s when its worker has not finished a batch yet; measured: an engine
 * idle for a minute with its queue empty), while a lane closed 100 ms costs the server one refused
 * burst each time; and no longer once the server says its queue is under 80 % full again. Callers
 * refused for either reason get the server's retry-after.
 *
 * <p>The retry-after it gives follows the server's own rule (docs/engine.md): the time to answer
 * half of what is pending at the answer rate measured over the last {@link #RATE_WINDOW_NANOS} or
 * more, {@code idleNanos} when nothing was answered in that window, never more than {@code maxNanos}
 * nor less than 1 ms. Before the first window is measured it says one window: by then it can tell.
 */
final class OfferGate {
  static final long RATE_WINDOW_NANOS = 100_000_000L;
  static final long CLOSE_MAX_NANOS = 100_000_000L;
  private static final long RETRY_AFTER_MIN_NANOS = 1_000_000L;

  private final int limit;
  private final long idleNanos;
  private final long maxNanos;
  private final AtomicInteger pending = new AtomicInteger();
  private final AtomicLong answered = new AtomicLong();
  private final LongAdder refused = new LongAdder();
  private final AtomicLongArray closedUntilNanos;
  private final AtomicLongArray advisedUntilNanos; // the server's whole retry-after, told to callers
  private volatile boolean serverOverloaded;
  private volatile boolean storeFull;
  private final LongAdder refusedStoreFull = new LongAdder();
  private long windowStartNanos = Long.MIN_VALUE; // guarded by this
  private long windowStartAnswered;
  private double answersPerNano;
  private boolean measured;

  OfferGate(int limit, long idleNanos, long maxNanos, int lanes) {
    this.limit = limit;
    this.idleNanos = idleNanos;
    this.maxNanos = maxNanos;
    this.closedUntilNanos = new AtomicLongArray(lanes);
    this.advisedUntilNanos = new AtomicLongArray(lanes);
  }

  /**
   * Takes a place for one call of {@code lane}; false, and counted as refused, when {@code limit}
   * are pending or the server asked that lane to wait until after {@code nowNanos}.
   */
  boolean tryEnter(int lane, long nowNanos) {
    if (serverOverloaded || nowNanos - closedUntilNanos.get(lane) < 0) {
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

  /**
   * The server's latest word on its queue (a Status, sent on every change of pressure), heard at
   * {@code nowNanos}: OVERLOADED closes every lane; BACKPRESSURE opens them again, each as far as its
   * own closure allows; ACTIVE (the queue under 80 % full) also ends every lane's closure and the
   * retry-after told with it. Those were the server's word while its queue was full, and it has
   * drained since: kept, they refused the first offers after a drain and told their callers to wait
   * for nothing (seen in CI: an engine drained of a burst refused 500 offers at once, each with
   * "retry after 2 s", because the last refusal of the burst was under 100 ms old).
   */
  void serverStatus(SessionStatus status, long nowNanos) {
    switch (status) {
      case OVERLOADED:
        serverOverloaded = true;
        break;
      case BACKPRESSURE:
        serverOverloaded = false;
        break;
      case ACTIVE:
        serverOverloaded = false;
        // Open as of a moment ago, not as of now: a caller that read the clock just before this
        // must not find its lane closed by the reopening itself.
        long open = nowNanos - CLOSE_MAX_NANOS;
        for (int lane = 0; lane < closedUntilNanos.length(); lane++) {
          closedUntilNanos.set(lane, open);
          advisedUntilNanos.set(lane, open);
        }
        break;
      default: // a session's own state (paused, closed) says nothing about the queue
        break;
    }
  }

  /**
   * The server refused an offer as STORE_FULL: it holds its budget of observations, and since it
   * never lets one go, every later offer would be refused the same way. From now on they are, here
   * ({@link #refuseIfStoreFull}). Measured reason: with the refusals left to the server, each one
   * answered at once the offers in flight behind it (see EmbeddedClient), which freed their places
   * here while their messages still waited in the server's mailbox, so the mailbox grew at the
   * offered rate and a 256 MB heap went from 145 to 254 MB in 2 s at 200K/s offered
   * (docs/benchmarks.md, a held-data budget).
   */
  void storeFull() {
    storeFull = true;
  }

  /** True, and counted, when the server said the store is full: the offer is refused STORE_FULL at once. */
  boolean refuseIfStoreFull() {
    if (!storeFull) {
      return false;
    }
    refusedStoreFull.increment();
    return true;
  }

  boolean isStoreFull() {
    return storeFull;
  }

  long refusedStoreFull() {
    return refusedStoreFull.sum();
  }

  /** The server refused a call of {@code lane} at {@code nowNanos}, asking it to wait {@code retryAfterNanos}. */
  void serverRefused(int lane, long nowNanos, long retryAfterNanos) {
    later(closedUntilNanos, lane, nowNanos + Math.min(retryAfterNanos, CLOSE_MAX_NANOS));
    later(advisedUntilNanos, lane, nowNanos + retryAfterNanos);
  }

  /** How long a caller of {@code lane} refused at {@code nowNanos} should wait before it offers again. */
  long retryAfterNanos(int lane, long nowNanos) {
    long advised = advisedUntilNanos.get(lane) - nowNanos;
    long closed = closedUntilNanos.get(lane) - nowNanos;
    if (advised > 0 || closed > 0) {
      return Math.max(RETRY_AFTER_MIN_NANOS, Math.max(advised, closed));
    }
    return retryAfterNanos(nowNanos);
  }

  private static void later(AtomicLongArray deadlines, int lane, long untilNanos) {
    deadlines.accumulateAndGet(lane, untilNanos, (now, until) -> until - now > 0 ? until : now);
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
