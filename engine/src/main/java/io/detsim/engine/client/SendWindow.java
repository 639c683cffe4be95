package io.detsim.engine.client;

import io.detsim.engine.protocol.SessionId;
import io.detsim.sim.port.Check;
import io.detsim.sim.port.NodeContext;
import io.detsim.sim.port.RandomSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The observations of the current session that are sent and not yet answered for good, by sequence
 * number: the sliding window of a go-back-N sender, with a retry timer per observation.
 *
 * <p>Fault model it answers: the network drops, duplicates, delays and reorders observations and
 * answers, and the server keeps no out-of-order observation: it refuses every number above the one
 * it expects as a gap, naming the expected number. Each such refusal is a negative acknowledgement,
 * answered the way TCP answers duplicate acknowledgements:
 * <ul>
 *   <li>The refused observation is marked <i>refused</i>: the server does not have it. Refused
 *       observations are queued for resending, in order, as soon as nothing below them is still on
 *       its way (every lower one is ACCEPTED, or the server named a higher expected number): resent
 *       earlier they would only be refused again. That is go-back-N from the expected number.
 *   <li>The queue is drained at the client's send rate, not in a burst: copies sent at the same
 *       instant overtake each other on a network with jitter, and each overtaking is a new gap.
 *       (Resending everything at once on every refusal makes a resend storm on such a network.)
 *   <li>The expected observation itself may be lost or merely overtaken. Once
 *       {@value #FAST_RETRANSMIT_REFUSALS} refusals of copies sent after its own last copy name it,
 *       it is resent at once (fast retransmit); an overtaken one has arrived by then in all but a
 *       badly reordering network.
 *   <li>Anything else lost (an observation with nothing sent after it, any ACCEPTED) is recovered
 *       by the observation's own retry timer: exponential backoff with jitter, capped.
 * </ul>
 * A server that asks for a wait has the window <i>held</i>: retry timers are off and the client
 * sends nothing; on release every unanswered observation is queued for resending, in order.
 *
 * <p>Sequence numbers are given out contiguously from the InitAck's next number and never reused
 * in a session: a (session, seq) pair always names the same observation, which is what makes every
 * late or duplicated answer attributable. An entry leaves the window when it is ACCEPTED, or
 * finally refused; the client then decides whether the session goes on.
 *
 * <p>A session can end under the client: the server closed it, or refused a number for good (see
 * {@link #stopAt}). What the server admitted before that may be durable with its ACCEPTED lost.
 * Such an observation must not be sent again in another session, where it would be stored a second
 * time; its retries go on here, where the server answers a duplicate idempotently. Only the numbers
 * the server never admitted move to a new session, and only once nothing below them is left
 * unanswered.
 */
final class SendWindow {
  /** TCP's duplicate-acknowledgement threshold (RFC 5681, section 3.2). */
  static final int FAST_RETRANSMIT_REFUSALS = 3;
  /** {@link #stoppedFrom} of a session not stopped: above every number, so every comparison lets it send. */
  private static final long GOING_ON = Long.MAX_VALUE;

  /** Puts one observation on the wire. */
  interface Transmitter {
    void transmit(SessionId session, long seq, ObservationRecord record);
  }

  private static final class Entry {
    final ObservationRecord record;
    long backoffNanos;
    long timer = Timers.NONE;
    /** The server refused this copy as a gap: it does not have it. */
    boolean refused;
    /** Refusals that named this one as the expected number, of copies sent after its last copy. */
    int namedAsExpected;
    /** When its last copy went out, in transmissions of this window: orders copies of different numbers. */
    long sentTick;

    Entry(ObservationRecord record, long backoffNanos) {
      this.record = record;
      this.backoffNanos = backoffNanos;
    }
  }

  private final NodeContext context;
  private final ClientOptions options;
  private final RandomSource random;
  private final ClientView view;
  private final Transmitter transmitter;
  private final TreeMap<Long, Entry> unanswered = new TreeMap<>();
  /** Numbers waiting to be resent, drained in order by {@link #resendNext}. */
  private final TreeSet<Long> resendQueue = new TreeSet<>();
  private SessionId session;
  private long nextSeq;
  private boolean holding;
  /** The highest expected number a refusal named: the server has (or had) everything below it. */
  private long serverHasBelow;
  /** A refusal that names a number below this belongs to a gap already reported (NewReno's "recover"). */
  private long recoverUntil;
  private long transmissions;
  /** The session takes nothing from this number on (see {@link #stopAt}); {@link #GOING_ON} while it goes on. */
  private long stoppedFrom = GOING_ON;

  SendWindow(NodeContext context, ClientOptions options, RandomSource random, ClientView view,
      Transmitter transmitter) {
    this.context = context;
    this.options = options;
    this.random = random;
    this.view = view;
    this.transmitter = transmitter;
  }

  /** Starts the window of a new session; the previous one must be closed. */
  void open(SessionId newSession, long firstSeq) {
    Check.state(session == null, "window still open for %s", session);
    Check.argument(firstSeq >= 1, "sequence numbers start at 1: %d", firstSeq);
    session = newSession;
    nextSeq = firstSeq;
    holding = false;
    serverHasBelow = firstSeq;
    recoverUntil = firstSeq;
    stoppedFrom = GOING_ON;
  }

  boolean isOpen() {
    return session != null;
  }

  /** The session of the open window; null when closed. */
  SessionId session() {
    return session;
  }

  boolean hasRoom() {
    return isOpen() && stoppedFrom == GOING_ON && unanswered.size() < options.windowMax();
  }

  /** The sequence number the next added observation gets. */
  long nextSeq() {
    return nextSeq;
  }

  /** Every number of the session up to this one is answered for good (ACCEPTED): the window's base minus one. */
  long answeredThrough() {
    return (unanswered.isEmpty() ? nextSeq : unanswered.firstKey()) - 1;
  }

  boolean isUnanswered(long seq) {
    return unanswered.containsKey(seq);
  }

  /**
   * Adds an observation with the next number ({@code seq} must be it). It is sent at once when
   * {@code sendNow} and the window is not held, else queued for {@link #resendNext}.
   */
  void add(long seq, ObservationRecord record, boolean sendNow) {
    Check.state(isOpen(), "no session open");
    Check.argument(seq == nextSeq, "sequence %d given out of turn; next is %d", seq, nextSeq);
    nextSeq++;
    Entry entry = new Entry(record, options.retryTimeoutNanos());
    unanswered.put(seq, entry);
    if (sendNow && !holding) {
      send(seq, entry);
    } else {
      resendQueue.add(seq);
    }
  }

  /** {@code seq} was ACCEPTED: it leaves the window, and refused ones above it may be resent. */
  void accepted(long seq) {
    if (remove(seq)) {
      queueRefusedRun();
    }
  }

  /** The observation {@code seq} is answered for good; returns false if it was not unanswered. */
  boolean remove(long seq) {
    Entry entry = unanswered.remove(seq);
    if (entry == null) {
      return false;
    }
    resendQueue.remove(seq);
    cancel(entry);
    return true;
  }

  /**
   * {@code seq} was refused because the server expects {@code expectedSeq} first (a gap, or an
   * expired session that resumes only with that number; 0 when the server did not say). Returns
   * true when this refusal reports a new gap rather than one already reported: the caller slows
   * down then, once per gap, as TCP halves its window once per loss event.
   */
  boolean refused(long seq, long expectedSeq) {
    Entry entry = unanswered.get(seq);
    if (entry == null) {
      return false;
    }
    long expected = expectedSeq > 0 ? expectedSeq : seq;
    boolean newGap = expected >= recoverUntil;
    if (newGap) {
      recoverUntil = nextSeq;
    }
    entry.refused = true;
    serverHasBelow = Math.max(serverHasBelow, expectedSeq);
    // A copy sent after the expected one's last copy got there first: the expected one was
    // overtaken or lost. After a few such, it is taken for lost (TCP's duplicate-ack rule, counting
    // only later copies as NewReno does, so that a lost fast retransmit is itself detected).
    Entry named = unanswered.get(expectedSeq);
    if (!holding && named != null && !named.refused && expectedSeq < stoppedFrom && entry.sentTick > named.sentTick
        && ++named.namedAsExpected >= FAST_RETRANSMIT_REFUSALS) {
      view.countGapResends(1);
      context.trace("gap-resend", session.value() + " fast-retransmit=" + expectedSeq);
      send(expectedSeq, named);
    }
    queueRefusedRun();
    return newGap;
  }

  /**
   * Sends the first observation waiting in the resend queue; false when none waits (or the window
   * is held). The caller paces the calls.
   */
  boolean resendNext() {
    if (holding || resendQueue.isEmpty()) {
      return false;
    }
    long seq = resendQueue.first();
    send(seq, unanswered.get(seq));
    return true;
  }

  /**
   * The session takes nothing from {@code notAdmittedFrom} on, and the server admitted none of those
   * numbers: it closed the session (a SESSION_CLOSED refusal names the first number it did not
   * admit; a CLOSED status names none, so the caller gives {@link #nextSeq}), or it refused that
   * number for good, and every later one waits behind it. Those numbers are sent no more; the ones
   * below keep their retries. Returns {@link #hasOnlyUnadmittedLeft}.
   */
  boolean stopAt(long notAdmittedFrom) {
    stoppedFrom = Math.min(stoppedFrom, notAdmittedFrom);
    unanswered.tailMap(stoppedFrom, true).values().forEach(this::cancel);
    resendQueue.tailSet(stoppedFrom).clear();
    return hasOnlyUnadmittedLeft();
  }

  /**
   * True when the session was stopped ({@link #stopAt}) and every observation left unanswered is one
   * the server never admitted: they can move to a new session without being stored twice.
   */
  boolean hasOnlyUnadmittedLeft() {
    return stoppedFrom != GOING_ON && (unanswered.isEmpty() || unanswered.firstKey() >= stoppedFrom);
  }

  /** Stops sending: no transmission and no retry until {@link #release}. */
  void hold() {
    holding = true;
    for (Entry entry : unanswered.values()) {
      cancel(entry);
    }
  }

  /** Ends a hold: every unanswered observation is queued for resending, in order. */
  void release() {
    if (!holding) {
      return;
    }
    holding = false;
    resendQueue.addAll(unanswered.headMap(stoppedFrom).keySet());
  }

  /** Closes the window: cancels every timer and returns the unanswered observations in order. */
  List<ObservationRecord> close() {
    List<ObservationRecord> left = new ArrayList<>(unanswered.size());
    for (Entry entry : unanswered.values()) {
      cancel(entry);
      left.add(entry.record);
    }
    unanswered.clear();
    resendQueue.clear();
    session = null;
    holding = false;
    return left;
  }

  /** Queues the refused observations from the first one the server is waiting for, up to one still on its way. */
  private void queueRefusedRun() {
    if (unanswered.isEmpty()) {
      return;
    }
    long from = Math.max(unanswered.firstKey(), serverHasBelow);
    if (from >= stoppedFrom) {
      return; // the session was stopped: nothing from there is sent again in it
    }
    long queued = 0;
    for (Map.Entry<Long, Entry> item : unanswered.subMap(from, true, stoppedFrom, false).entrySet()) {
      boolean waiting = resendQueue.contains(item.getKey());
      if (!item.getValue().refused && !waiting) {
        break; // on its way: what follows may yet be accepted after it
      }
      if (!waiting) {
        resendQueue.add(item.getKey());
        queued++;
      }
    }
    if (queued > 0) {
      context.trace("gap-resend", session.value() + " from=" + from + " queued=" + queued);
    }
  }

  private void send(long seq, Entry entry) {
    if (entry.refused) {
      view.countGapResends(1);
    }
    entry.refused = false;
    entry.namedAsExpected = 0;
    entry.sentTick = ++transmissions;
    resendQueue.remove(seq);
    transmitter.transmit(session, seq, entry.record);
    arm(seq, entry);
  }

  private void arm(long seq, Entry entry) {
    cancel(entry);
    long delay = Backoff.jittered(entry.backoffNanos, options.retryJitter(), random);
    SessionId armedFor = session;
    entry.timer = context.setTimer(delay, () -> retry(armedFor, seq, entry));
  }

  /** The retry timer of one observation fired: no answer yet, so send it again and wait twice as long. */
  private void retry(SessionId armedFor, long seq, Entry entry) {
    entry.timer = Timers.NONE;
    if (holding || !armedFor.equals(session) || unanswered.get(seq) != entry || seq >= stoppedFrom) {
      return;
    }
    entry.backoffNanos = Backoff.doubled(entry.backoffNanos, options.retryTimeoutMaxNanos());
    send(seq, entry);
  }

  private void cancel(Entry entry) {
    if (entry.timer != Timers.NONE) {
      context.cancelTimer(entry.timer);
      entry.timer = Timers.NONE;
    }
  }
}
