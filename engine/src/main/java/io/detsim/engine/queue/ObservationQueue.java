package io.detsim.engine.queue;

import io.detsim.engine.planted.EngineMutant;
import io.detsim.engine.protocol.Priority;
import io.detsim.sim.port.Check;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * The admission queue between sessions and workers: three bounded FIFO lanes (HIGH, NORMAL, LOW),
 * served in strict priority, with admission control on the whole queue's pressure.
 *
 * <p><b>Admission.</b> An offer is refused with OVER_CAPACITY and a retry-after when the queue is
 * OVERLOADED (pressure at least 0.95) or the item's lane is full; otherwise it is admitted. Nothing
 * is ever dropped: every offer gets one of these answers (the FULL_LANE_DROPS_SILENTLY mutant
 * breaks exactly this). Since an offer is refused from 95 % on, depth never exceeds the total
 * capacity (guarantee 8); every operation checks it.
 *
 * <p><b>Serving order.</b> HIGH first, then NORMAL, then LOW. A LOW item that has waited at least
 * the promotion bound is served like a NORMAL item that arrived when it did: before every NORMAL
 * item younger than it. So under a steady NORMAL stream a LOW item waits at most the longer of the
 * bound and the time to serve the NORMAL backlog ahead of it at its arrival: it cannot starve. A
 * steady HIGH stream still starves both lower lanes: that is what strict priority means, and HIGH
 * is meant to be rare.
 *
 * <p><b>Time.</b> {@code nowNanos} comes from the server's own clock, which may step backwards.
 * The queue uses the largest time it has seen, so waits never come out negative and the rate window
 * never runs backwards; a forward step can only promote LOW items early and make the measured rate
 * look lower (a longer retry-after), both harmless.
 *
 * <p><b>Pressure changes</b> are reported in the result of the offer or poll that caused them, so
 * that the server sends a Status exactly on change. Items are generic: the queue never looks inside.
 * Not thread-safe: a node's handlers run one at a time.
 */
public final class ObservationQueue<T> {
  private final QueueOptions options;
  private final boolean fullLaneDropsSilently;
  private final boolean highAfterNormal;
  private final List<ArrayDeque<Queued<T>>> lanes = new ArrayList<>();
  private final DequeueRate dequeueRate;
  private long latestNanos = Long.MIN_VALUE;
  private int depth;
  private PressureState state = PressureState.NORMAL;
  private long admitted;
  private long rejectedLaneFull;
  private long rejectedOverloaded;
  private long dequeued;
  private long promoted;

  public ObservationQueue(QueueOptions options) {
    this(options, EnumSet.noneOf(EngineMutant.class));
  }

  /** A queue with the planted bugs of {@code planted} that live here (full-lane-drops-silently, high-after-normal). */
  public ObservationQueue(QueueOptions options, Set<EngineMutant> planted) {
    this.options = options;
    this.fullLaneDropsSilently = planted.contains(EngineMutant.FULL_LANE_DROPS_SILENTLY);
    this.highAfterNormal = planted.contains(EngineMutant.HIGH_AFTER_NORMAL);
    this.dequeueRate = new DequeueRate(options.rateWindowNanos());
    for (int lane = 0; lane < Priority.values().length; lane++) {
      lanes.add(new ArrayDeque<>());
    }
  }

  /** Admits {@code item} to its lane, or refuses it with a retry-after. */
  public Admission offer(T item, Priority priority, long nowNanos) {
    Objects.requireNonNull(item, "item");
    long now = advanceTo(nowNanos);
    if (state == PressureState.OVERLOADED) {
      rejectedOverloaded++;
      return new Admission(Admission.Outcome.OVERLOADED, retryAfterNanos(now), state, false);
    }
    ArrayDeque<Queued<T>> lane = lane(priority);
    if (lane.size() >= options.capacity(priority)) {
      if (fullLaneDropsSilently) {
        admitted++; // the lie this mutant tells: counted and reported as admitted, but gone
        return new Admission(Admission.Outcome.ADMITTED, 0, state, false);
      }
      rejectedLaneFull++;
      return new Admission(Admission.Outcome.LANE_FULL, retryAfterNanos(now), state, false);
    }
    lane.addLast(new Queued<>(item, priority, now, false));
    if (lane.size() > options.capacity(priority)) { // a plain if: Check's varargs would box
      Check.that(false, "%s lane holds %d, above its capacity %d", priority, lane.size(), options.capacity(priority));
    }
    depth++;
    admitted++;
    Check.that(depth <= options.totalCapacity(), "depth %d above capacity %d", depth, options.totalCapacity());
    boolean changed = refreshState();
    return new Admission(Admission.Outcome.ADMITTED, 0, state, changed);
  }

  /** Takes up to {@code maxBatch} items in serving order (see the class comment). */
  public Batch<T> poll(int maxBatch, long nowNanos) {
    Check.that(maxBatch >= 0, "negative batch size %d", maxBatch);
    long now = advanceTo(nowNanos);
    List<Queued<T>> items = new ArrayList<>(StrictMath.min(maxBatch, depth));
    while (items.size() < maxBatch && depth > 0) {
      Queued<T> served = next(now);
      checkNoHighPassedOver(served);
      checkNoLowPassedOver(served, now);
      items.add(served);
      depth--;
    }
    dequeued += items.size();
    dequeueRate.record(now, items.size());
    boolean changed = refreshState();
    return new Batch<>(items, state, changed);
  }

  /** Items queued in all lanes. */
  public int depth() {
    return depth;
  }

  public int depth(Priority lane) {
    return lane(lane).size();
  }

  /** The total capacity, on which pressure is measured. */
  public int capacity() {
    return options.totalCapacity();
  }

  public int capacity(Priority lane) {
    return options.capacity(lane);
  }

  public PressureState pressureState() {
    return state;
  }

  public QueueStats stats() {
    return new QueueStats(admitted, rejectedLaneFull, rejectedOverloaded, dequeued, promoted);
  }

  /** The retry-after an offer refused now would get. */
  long retryAfterNanos(long nowNanos) {
    long now = advanceTo(nowNanos);
    return RetryAfter.nanos(depth, dequeueRate.countInWindow(now), dequeueRate.windowNanos(),
        options.retryAfterIdleNanos(), options.retryAfterMaxNanos());
  }

  private Queued<T> next(long now) {
    ArrayDeque<Queued<T>> high = lane(Priority.HIGH);
    ArrayDeque<Queued<T>> normal = lane(Priority.NORMAL);
    boolean highGoesFirst = !highAfterNormal || normal.isEmpty(); // the planted bug waits for NORMAL to empty
    if (!high.isEmpty() && highGoesFirst) {
      return high.removeFirst();
    }
    ArrayDeque<Queued<T>> low = lane(Priority.LOW);
    Queued<T> lowHead = low.peekFirst();
    Queued<T> normalHead = normal.peekFirst();
    if (lowHead != null && normalHead != null && isDue(lowHead, now)
        && lowHead.enqueuedAtNanos() <= normalHead.enqueuedAtNanos()) {
      low.removeFirst();
      promoted++;
      return new Queued<>(lowHead.item(), lowHead.priority(), lowHead.enqueuedAtNanos(), true);
    }
    return normalHead != null ? normal.removeFirst() : low.removeFirst();
  }

  /**
   * Strict priority, restated apart from {@link #next} and checked at every dequeue: nothing is
   * served while a HIGH item waits (a promoted LOW item passes NORMAL ones, never HIGH ones). Like
   * the check below, it fails at the dequeue a slip in choosing causes; no end check sees the order
   * in which lanes were served, and a realistic slip (HIGH served only once NORMAL was empty)
   * escaped 1,000 swarm seeds without it.
   */
  private void checkNoHighPassedOver(Queued<T> served) {
    if (served.priority() != Priority.HIGH && !lane(Priority.HIGH).isEmpty()) {
      throw new AssertionError(String.format(java.util.Locale.ROOT,
          "%s item of %d served while a HIGH item of %d waits", served.priority(), served.enqueuedAtNanos(),
          lane(Priority.HIGH).peekFirst().enqueuedAtNanos()));
    }
  }

  /**
   * The serving order's promise that LOW cannot starve, restated apart from {@link #next} and checked
   * at every dequeue: a NORMAL item is never served while a LOW item at least as old has waited the
   * promotion bound. A slip in choosing (a comparison the wrong way round) then fails at the dequeue
   * it causes; the simulation's end-to-end checks cannot see it, since a starved LOW item is served
   * as soon as the NORMAL lane empties, and no guarantee bounds its wait under overload.
   */
  private void checkNoLowPassedOver(Queued<T> served, long now) {
    if (served.priority() != Priority.NORMAL) {
      return;
    }
    Queued<T> lowHead = lane(Priority.LOW).peekFirst();
    if (lowHead != null && isDue(lowHead, now) && lowHead.enqueuedAtNanos() <= served.enqueuedAtNanos()) {
      throw new AssertionError(String.format(java.util.Locale.ROOT,
          "NORMAL item of %d served before a LOW item of %d that waited the promotion bound (%d ns) at %d",
          served.enqueuedAtNanos(), lowHead.enqueuedAtNanos(), options.lowPromotionNanos(), now));
    }
  }

  /** True once a LOW item has waited the promotion bound; unsigned, as now >= its enqueue time. */
  private boolean isDue(Queued<T> item, long now) {
    return Long.compareUnsigned(now - item.enqueuedAtNanos(), options.lowPromotionNanos()) >= 0;
  }

  private ArrayDeque<Queued<T>> lane(Priority priority) {
    return lanes.get(priority.ordinal());
  }

  private long advanceTo(long nowNanos) {
    latestNanos = StrictMath.max(latestNanos, nowNanos);
    return latestNanos;
  }

  private boolean refreshState() {
    PressureState previous = state;
    state = PressureState.of(depth, options.totalCapacity());
    return state != previous;
  }
}
