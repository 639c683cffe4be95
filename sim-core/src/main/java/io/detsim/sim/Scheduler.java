package io.detsim.sim;

import io.detsim.sim.port.Check;
import io.detsim.sim.port.RandomSource;

/**
 * The event loop on virtual time: pops the earliest event, jumps the clock to it, dispatches it.
 * Nothing here ever waits for real time.
 *
 * <p>Events are ordered by (time, tie-break, insertion sequence). By default the tie-break is zero,
 * so events at the same instant run in the order they were scheduled. With {@code shuffleTies} each
 * event draws a random tie-break from the run's seed, so events that fall on the same instant run in
 * a seeded random order: that is where races between "simultaneous" events hide, and the seed still
 * replays the order exactly.
 *
 * <p>The order key packs the tie-break above a 40-bit insertion sequence (10^12 events per run,
 * hours of simulation at full speed); {@link #schedule} fails loudly rather than wrap.
 */
final class Scheduler {
  private static final int SEQUENCE_BITS = 40;
  private static final long SEQUENCE_LIMIT = 1L << SEQUENCE_BITS;
  private static final int TIE_BITS = 23; // keeps the packed key positive

  private final EventQueue queue;
  private final RandomSource tieBreaks; // null unless shuffling ties
  private long nowNanos;
  private long sequence;
  private long dispatched;
  private boolean stopRequested;
  private long currentHandle = -1;

  /**
   * @param tieBreaks the random stream that orders same-instant events, or null to keep insertion
   *     order
   */
  public Scheduler(RandomSource tieBreaks) {
    this(tieBreaks, 1024);
  }

  public Scheduler(RandomSource tieBreaks, int initialCapacity) {
    this.queue = new EventQueue(initialCapacity);
    this.tieBreaks = tieBreaks;
  }

  public long nowNanos() {
    return nowNanos;
  }

  public boolean shufflesTies() {
    return tieBreaks != null;
  }

  /** Events not yet dispatched (cancelled ones are gone at once). */
  public int pending() {
    return queue.size();
  }

  /** Events dispatched since the start. */
  public long dispatched() {
    return dispatched;
  }

  /** Time of the next event, or {@link Long#MAX_VALUE} when none is pending. */
  public long nextEventNanos() {
    return queue.isEmpty() ? Long.MAX_VALUE : queue.peekTime();
  }

  /** Schedules an event at an absolute virtual time, now or later; returns a handle for {@link #cancel}. */
  public long schedule(long atNanos, EventTarget target, int kind, long arg, Object payload) {
    // Plain ifs, not Check: its varargs would box two longs on every event.
    if (atNanos < nowNanos) {
      throw new IllegalArgumentException("cannot schedule in the past: " + atNanos + " < now " + nowNanos);
    }
    if (sequence >= SEQUENCE_LIMIT) {
      throw new IllegalStateException("more than 2^40 events in one run");
    }
    long tie = tieBreaks == null ? 0 : tieBreaks.nextLong() >>> (64 - TIE_BITS);
    long order = (tie << SEQUENCE_BITS) | sequence++;
    return queue.push(atNanos, order, target, kind, arg, payload);
  }

  /** Schedules an event {@code delayNanos} from now (saturating, so "never" stays far away). */
  public long scheduleAfter(long delayNanos, EventTarget target, int kind, long arg, Object payload) {
    if (delayNanos < 0) {
      throw new IllegalArgumentException("negative delay: " + delayNanos);
    }
    long at = nowNanos + delayNanos;
    return schedule(at < nowNanos ? Long.MAX_VALUE : at, target, kind, arg, payload);
  }

  /**
   * The handle of the event being dispatched: lets a target that defers an event (a busy actor)
   * still recognise it when its owner cancels it later.
   */
  public long currentHandle() {
    return currentHandle;
  }

  /** Cancels a pending event; false when it already ran, was cancelled, or the handle is unknown. */
  public boolean cancel(long handle) {
    return queue.cancel(handle);
  }

  /** Dispatches the earliest event; false when none is pending. */
  public boolean step() {
    if (queue.isEmpty()) {
      return false;
    }
    long time = queue.peekTime();
    int slot = queue.popSlot();
    EventTarget target = queue.target(slot);
    int kind = queue.kind(slot);
    long arg = queue.arg(slot);
    Object payload = queue.payload(slot);
    currentHandle = queue.handleOf(slot);
    queue.release(slot);
    nowNanos = time;
    dispatched++;
    target.dispatch(kind, arg, payload);
    return true;
  }

  /**
   * Dispatches every event up to and including {@code timeNanos}, then sets the clock there. Stops
   * early, leaving the clock at the last event, if {@link #requestStop()} is called.
   */
  public void runUntil(long timeNanos) {
    Check.argument(timeNanos >= nowNanos, "cannot run back to %d from %d", timeNanos, nowNanos);
    stopRequested = false;
    while (!stopRequested && !queue.isEmpty() && queue.peekTime() <= timeNanos) {
      step();
    }
    if (!stopRequested) {
      nowNanos = timeNanos;
    }
  }

  /**
   * Runs until no event is pending or the next one lies beyond {@code limitNanos}. Returns true when
   * the queue emptied (quiescent), false when the bound or a stop request ended the run first.
   */
  public boolean runUntilQuiescent(long limitNanos) {
    stopRequested = false;
    while (!stopRequested && !queue.isEmpty() && queue.peekTime() <= limitNanos) {
      step();
    }
    return queue.isEmpty();
  }

  /** Makes the running loop return after the current event (an invariant broke, the driver is done). */
  public void requestStop() {
    stopRequested = true;
  }

  public boolean isStopRequested() {
    return stopRequested;
  }
}
