package io.detsim.engine.client;

import io.detsim.engine.protocol.Status;
import io.detsim.sim.port.NodeContext;
import java.util.function.LongConsumer;

/**
 * Paces new observations at a rate, lowered under backpressure and restored gradually.
 *
 * <p>One credit at a time: sending takes the credit, and a timer gives it back one interval later
 * (interval = 1 s / rate, with the remainder carried so that the average rate is exact). A credit
 * not used (the window was full, the client was waiting out an overload) is kept, but only one: a
 * client that was held up sends one observation at once and then goes on at the rate, instead of
 * bursting to catch up. Resends queued after a gap, a wait or a new session take credits too
 * (they go first); resends of the retry timers do not: they are few and bounded by the window.
 *
 * <p>BACKPRESSURE halves the rate (not below the floor) once per episode of backpressure: the
 * server reports a state change and renews it while it lasts, so a duplicated or renewed
 * BACKPRESSURE message must not halve it twice. ACTIVE ends the episode and doubles the rate back
 * once per restore interval up to the target; so does a lease that lapses, when no BACKPRESSURE came
 * for {@link Status#BACKPRESSURE_LEASE_NANOS} (the ACTIVE was lost or overtaken, or the server
 * restarted and has no pressure to announce: see {@link Status}).
 *
 * <p>A new sequence gap halves the rate too, and the rate then climbs back additively: the server
 * keeps no out-of-order observation, so on a network that reorders, the rate at which observations
 * can be sent without overtaking each other is a capacity limit, like a congestion window's (TCP
 * halves its window once per loss event for the same reason, and grows it back additively).
 */
final class RatePacer {
  static final long ADDITIVE_STEPS = 16;

  private final NodeContext context;
  private final ClientOptions options;
  private final Runnable onCredit;
  private final LongConsumer onRateChange;
  private final boolean leaseNeverArmed;
  private long ratePerSecond;
  private long remainderCarried;
  private boolean hasCredit = true;
  private boolean creditTimerPending;
  private boolean underBackpressure;
  /** The most the rate may be while the current episode of backpressure lasts: half what it was. */
  private long episodeCeiling;
  /** Restoring after a gap: additively, since the gap says the higher rate overtook itself. */
  private boolean restoringAdditively;
  private long restoreTimer = Timers.NONE;
  private long leaseTimer = Timers.NONE;
  private boolean stopped;

  /**
   * @param leaseNeverArmed the planted bug lease-never-armed, for detsim's self-test
   * @param onCredit called when a credit comes back, to send what waits for it
   * @param onRateChange called with the new rate after every change
   */
  RatePacer(NodeContext context, ClientOptions options, boolean leaseNeverArmed, Runnable onCredit,
      LongConsumer onRateChange) {
    this.context = context;
    this.options = options;
    this.leaseNeverArmed = leaseNeverArmed;
    this.onCredit = onCredit;
    this.onRateChange = onRateChange;
    this.ratePerSecond = options.ratePerSecond();
  }

  long ratePerSecond() {
    return ratePerSecond;
  }

  boolean hasCredit() {
    return hasCredit && !stopped;
  }

  /** Takes the credit for one new observation; the next comes back one interval later. */
  void consume() {
    checkEpisodeCanEnd();
    checkEpisodeRate();
    hasCredit = false;
    if (!creditTimerPending) {
      creditTimerPending = true;
      context.setTimer(nextIntervalNanos(), this::creditBack);
    }
  }

  /**
   * BACKPRESSURE: halve the rate, once per backpressure episode, and (re)start the episode's lease.
   * Returns true when this started an episode.
   */
  boolean slowDown() {
    cancelRestore();
    cancelLease();
    if (!leaseNeverArmed) {
      leaseTimer = context.setTimer(Status.BACKPRESSURE_LEASE_NANOS, this::leaseLapsed);
    }
    if (underBackpressure) {
      return false;
    }
    underBackpressure = true;
    episodeCeiling = Math.max(options.rateFloorPerSecond(), ratePerSecond / 2);
    setRate(episodeCeiling);
    checkEpisodeCanEnd();
    return true;
  }

  /**
   * A new sequence gap: halve the rate, then raise it again by a sixteenth of the target per restore
   * interval (TCP's additive increase, multiplicative decrease: it settles just under the rate at
   * which the network starts to reorder, where doubling back would oscillate around it).
   */
  void slowDownForGap() {
    cancelRestore();
    restoringAdditively = true;
    setRate(Math.max(options.rateFloorPerSecond(), ratePerSecond / 2));
    if (!underBackpressure) {
      restoreTimer = context.setTimer(options.rateRestoreIntervalNanos(), this::restoreStep);
    }
  }

  /** ACTIVE: end the backpressure episode and double back up to the target, one step per interval. */
  void restore() {
    cancelLease();
    underBackpressure = false;
    restoringAdditively = false;
    if (restoreTimer == Timers.NONE && ratePerSecond < options.ratePerSecond()) {
      restoreTimer = context.setTimer(options.rateRestoreIntervalNanos(), this::restoreStep);
    }
  }

  /** No more credits, no more timers that do anything: the client is done. */
  void stop() {
    stopped = true;
    cancelRestore();
    cancelLease();
  }

  /** No BACKPRESSURE renewed the episode: the server is no longer CRITICAL, whatever else we heard. */
  private void leaseLapsed() {
    leaseTimer = Timers.NONE;
    if (!stopped && underBackpressure) {
      context.trace("backpressure-lapsed", "rate=" + ratePerSecond);
      restore();
    }
    checkEpisodeCanEnd();
  }

  /**
   * The lease, checked where it can break rather than by its symptom: while an episode of
   * backpressure lasts, its lapse is pending, so that a lost ACTIVE can never throttle the client for
   * good. The symptom, a client sending slower than it should, fails no end check unless so much is
   * left to send that the liveness bound runs out: campaigns missed a lease never armed, which only
   * the unit tests and one corpus file caught.
   */
  private void checkEpisodeCanEnd() {
    if (underBackpressure && !stopped && leaseTimer == Timers.NONE) { // not Check: its varargs box per send
      throw new AssertionError("a backpressure episode at " + ratePerSecond
          + "/s with no lapse pending: a lost ACTIVE would throttle for good");
    }
  }

  /**
   * BACKPRESSURE halves the rate (docs/engine.md), checked at every send of an episode: a client that
   * took the episode but kept its rate (a realistic slip, the halving left out) escaped 1,000 swarm
   * seeds, since the server then refuses the excess with retry-after and nothing is lost, only the
   * load it asked to shed. Gaps may lower the rate further; nothing may raise it until the episode ends.
   */
  private void checkEpisodeRate() {
    if (underBackpressure && ratePerSecond > episodeCeiling) { // not Check: its varargs box per send
      throw new AssertionError("sending at " + ratePerSecond + "/s in a backpressure episode that allows "
          + episodeCeiling + "/s");
    }
  }

  private void cancelLease() {
    if (leaseTimer != Timers.NONE) {
      context.cancelTimer(leaseTimer);
      leaseTimer = Timers.NONE;
    }
  }

  private void restoreStep() {
    restoreTimer = Timers.NONE;
    if (stopped || underBackpressure) {
      return;
    }
    long step = restoringAdditively
        ? Math.max(options.rateFloorPerSecond(), options.ratePerSecond() / ADDITIVE_STEPS)
        : ratePerSecond;
    setRate(Math.min(options.ratePerSecond(), ratePerSecond + step));
    if (restoreTimer == Timers.NONE && ratePerSecond < options.ratePerSecond()) {
      restoreTimer = context.setTimer(options.rateRestoreIntervalNanos(), this::restoreStep);
    }
  }

  private void creditBack() {
    creditTimerPending = false;
    if (stopped) {
      return;
    }
    hasCredit = true;
    onCredit.run();
  }

  private void cancelRestore() {
    if (restoreTimer != Timers.NONE) {
      context.cancelTimer(restoreTimer);
      restoreTimer = Timers.NONE;
    }
  }

  private void setRate(long rate) {
    if (rate != ratePerSecond) {
      ratePerSecond = rate;
      remainderCarried = 0;
      onRateChange.accept(rate);
    }
  }

  /** 1 s / rate in whole nanoseconds, carrying the remainder so that N intervals sum to N / rate exactly. */
  private long nextIntervalNanos() {
    long interval = ClientOptions.SECOND_NANOS / ratePerSecond;
    remainderCarried += ClientOptions.SECOND_NANOS % ratePerSecond;
    if (remainderCarried >= ratePerSecond) {
      remainderCarried -= ratePerSecond;
      interval++;
    }
    return Math.max(interval, 1);
  }
}
