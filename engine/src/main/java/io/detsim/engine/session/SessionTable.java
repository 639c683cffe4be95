package io.detsim.engine.session;

import io.detsim.engine.planted.EngineMutant;
import io.detsim.engine.protocol.FlowAction;
import io.detsim.engine.protocol.SessionId;
import io.detsim.engine.protocol.SpaceId;
import io.detsim.sim.port.Check;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The server's sessions: which sequence number each expects, which are paused, closing or expired.
 *
 * <p><b>Sequence numbers</b> (docs/engine.md decisions): a session starts expecting 1. An observation
 * with the expected number is accepted, one below it is a duplicate and is acknowledged again, one
 * above it is a gap and is refused with the expected number. Numbers count admitted observations
 * only: one refused for any reason leaves its number free.
 *
 * <p><b>The expected number advances at admission, not at durability.</b> The server calls
 * {@link #admit} once the queue has taken the observation, and {@link #markDurable} once its log
 * record is synced. Why admission: (1) a client may pipeline: n+1 is admitted while n's record is
 * still syncing, and because the log is appended in admission order and a sync covers every earlier
 * write, records become durable in sequence order; advancing at durability would refuse n+1 as a gap
 * until n's sync completes, one observation in flight per session. (2) Advancing at durability
 * alone would let a retransmission of n that arrives while n is in flight pass as "expected" and be
 * logged twice. So the table keeps two marks, admitted and durable. A duplicate at or below durable
 * is acknowledged ACCEPTED again at once; a duplicate between the marks is in flight, and its
 * ACCEPTED is sent when it becomes durable, never earlier (guarantee 1). Only the durable mark is
 * snapshotted: after a crash, what was admitted but not synced is forgotten, the session expects
 * durable + 1 again, and the client's retry is accepted. This is sound only if the server never
 * abandons an admitted observation while staying up (a failed log write must crash the node: later
 * records might be durable while this one is not, which would be a gap), except by closing the
 * session, after which no number follows.
 *
 * <p><b>Time</b> is the server's own clock, passed in: it may be skewed and may step backwards. A
 * backward step never expires anything nor throws; a session last seen "in the future" is re-dated
 * to now, so its expiry is delayed by at most one timeout. A forward step can expire sessions early,
 * which loses nothing: an expired session resumes with its next sequence number.
 *
 * <p>Out of scope: which space an observation belongs to (the server checks the episode's space
 * against {@link SessionInfo#space}), input validation (the server validates first; a sequence number
 * below 1 reaching this table is a bug), and making session opens durable (the server logs an open
 * before sending InitAck, or a restart could hand out the same id twice).
 */
public final class SessionTable {
  private static final String ID_PREFIX = "s-";

  private final long idleTimeoutNanos;
  private final long closedRetentionNanos;
  private final boolean duplicatesAsGaps;
  private final boolean duplicateAckedInFlight;
  private final boolean drainClosesEarly;
  private final Map<SessionId, Session> sessions = new LinkedHashMap<>();
  private long nextSessionNumber = 1;

  public SessionTable(SessionOptions options) {
    this(options, EnumSet.noneOf(EngineMutant.class));
  }

  /**
   * A table with the planted bugs of {@code planted} that live here (duplicates-as-gaps,
   * duplicate-acked-in-flight, drain-closes-early).
   */
  public SessionTable(SessionOptions options, Set<EngineMutant> planted) {
    this.idleTimeoutNanos = options.idleTimeoutNanos();
    this.closedRetentionNanos = options.closedRetentionNanos();
    this.duplicatesAsGaps = planted.contains(EngineMutant.DUPLICATES_AS_GAPS);
    this.duplicateAckedInFlight = planted.contains(EngineMutant.DUPLICATE_ACKED_IN_FLIGHT);
    this.drainClosesEarly = planted.contains(EngineMutant.DRAIN_CLOSES_EARLY);
  }

  /**
   * Rebuilds a table after a restart. Restored sessions are ACTIVE (or CLOSED) and counted as seen
   * now, so their clients get a full idle timeout to come back; nothing is in flight.
   */
  public static SessionTable restore(SessionOptions options, SessionSnapshot snapshot, long nowNanos) {
    return restore(options, EnumSet.noneOf(EngineMutant.class), snapshot, nowNanos);
  }

  /** {@link #restore(SessionOptions, SessionSnapshot, long)} with the planted bugs that live here. */
  public static SessionTable restore(SessionOptions options, Set<EngineMutant> planted, SessionSnapshot snapshot,
      long nowNanos) {
    SessionTable table = new SessionTable(options, planted);
    long next = snapshot.nextSessionNumber();
    for (DurableSession durable : snapshot.sessions()) {
      SessionState state = durable.closed() ? SessionState.CLOSED : SessionState.ACTIVE;
      Session session = new Session(durable.id(), durable.space(), state, durable.lastAcceptedSeq(), nowNanos);
      table.sessions.put(durable.id(), session);
      next = StrictMath.max(next, numberOf(durable.id()) + 1);
    }
    table.nextSessionNumber = next;
    return table;
  }

  /**
   * Hands out no session number below {@code floor} from now on. After recovery cut the log, the
   * opens logged after the cut are gone, and with them the numbers they used: numbering must resume
   * above anything the log could have handed out, or a stale copy of one session's observation
   * passes as another's.
   */
  public void numberFrom(long floor) {
    nextSessionNumber = StrictMath.max(nextSessionNumber, floor);
  }

  /**
   * The client of session {@code id} holds every number through {@code answeredThrough} as
   * ACCEPTED, but the session expects one of them: the server lost them (recovery cut its log at a
   * corrupted record). The session resumes after them; returns the number it expected before, or 0
   * when nothing changed. Without this the server would refuse every later number as a gap, waiting
   * for one its client will never send again.
   */
  public long resumeAfter(SessionId id, long answeredThrough) {
    Session session = sessions.get(id);
    if (session == null || session.expectedSeq() > answeredThrough) {
      return 0;
    }
    long expected = session.expectedSeq();
    session.admittedSeq = answeredThrough;
    session.durableSeq = answeredThrough;
    return expected;
  }

  /** Opens a session on {@code space}; it expects sequence number 1. */
  public SessionId open(SpaceId space, long nowNanos) {
    SessionId id = SessionId.of(ID_PREFIX + nextSessionNumber);
    nextSessionNumber++;
    Check.that(!sessions.containsKey(id), "session id %s handed out twice", id);
    sessions.put(id, new Session(id, space, SessionState.ACTIVE, 0, nowNanos));
    return id;
  }

  /**
   * Decides about an observation with sequence number {@code seq} (at least 1: the server rejects
   * lower ones as invalid input first). Counts as client activity for an active or paused session.
   * An ACCEPT of an expired session resumes it; a duplicate does not (it may be a stale copy).
   */
  public ObservationDecision onObservation(SessionId id, long seq, long nowNanos) {
    Check.that(seq >= 1, "sequence %d reached the session table unvalidated", seq);
    Session session = sessions.get(id);
    if (session == null) {
      return ObservationDecision.of(ObservationDecision.Kind.UNKNOWN, 0);
    }
    long expected = session.expectedSeq();
    if (seq < expected) {
      if (duplicatesAsGaps) {
        return ObservationDecision.of(ObservationDecision.Kind.GAP, expected);
      }
      if (session.state == SessionState.ACTIVE || session.state == SessionState.PAUSED) {
        touch(session, nowNanos);
      }
      long durableThrough = duplicateAckedInFlight ? session.admittedSeq : session.durableSeq;
      return new ObservationDecision(ObservationDecision.Kind.DUPLICATE, expected, seq <= durableThrough, false);
    }
    switch (session.state) {
      case CLOSED:
      case DRAINING:
        return ObservationDecision.of(ObservationDecision.Kind.CLOSED, expected);
      case PAUSED:
        touch(session, nowNanos);
        return ObservationDecision.of(ObservationDecision.Kind.PAUSED, expected);
      case EXPIRED:
        if (seq != expected) {
          return ObservationDecision.of(ObservationDecision.Kind.EXPIRED, expected);
        }
        session.state = SessionState.ACTIVE;
        touch(session, nowNanos);
        return new ObservationDecision(ObservationDecision.Kind.ACCEPT, expected, false, true);
      default:
        touch(session, nowNanos);
        return seq == expected
            ? ObservationDecision.of(ObservationDecision.Kind.ACCEPT, expected)
            : ObservationDecision.of(ObservationDecision.Kind.GAP, expected);
    }
  }

  /** Records that the observation {@code seq}, just decided ACCEPT, was admitted to the queue. */
  public void admit(SessionId id, long seq) {
    Session session = existing(id);
    Check.that(session.state == SessionState.ACTIVE, "admitting into %s session %s", session.state, id);
    Check.that(seq == session.expectedSeq(), "admitting %s#%d, expected %d", id, seq, session.expectedSeq());
    session.admittedSeq = seq;
  }

  /**
   * Records that the admitted observation {@code seq} is durable; they become durable in sequence
   * order. Returns true when this drained a closing session, which is now CLOSED: the server then
   * tells the client. A session closed and since forgotten (see {@link #expireIdle}) has nothing
   * left to record: that is a late sync, not a bug, so it returns false.
   */
  public boolean markDurable(SessionId id, long seq) {
    Session session = sessions.get(id);
    if (session == null) {
      return false;
    }
    Check.that(seq == session.durableSeq + 1 && seq <= session.admittedSeq,
        "%s#%d durable out of order (durable %d, admitted %d)", id, seq, session.durableSeq, session.admittedSeq);
    if (session.drained) { // the drain's promise (Close): CLOSED is reported after the last of them, not before
      throw new AssertionError(id.value() + "#" + seq + " became durable after a drain reported "
          + id.value() + " CLOSED");
    }
    session.durableSeq = seq;
    if (session.state == SessionState.DRAINING && (!session.hasInFlight() || drainClosesEarly)) {
      session.state = SessionState.CLOSED;
      session.drained = true;
      return true;
    }
    return false;
  }

  /**
   * Applies a client's flow control; returns the state after it, or empty for an unknown session.
   * PAUSE and RESUME switch between PAUSED and ACTIVE; SLOW_DOWN and SPEED_UP are advisory. Any of
   * them resumes an expired session (as PAUSED for PAUSE). A closing or closed session ignores them.
   */
  public Optional<SessionState> onFlowControl(SessionId id, FlowAction action, long nowNanos) {
    Session session = sessions.get(id);
    if (session == null) {
      return Optional.empty();
    }
    if (session.state == SessionState.CLOSED || session.state == SessionState.DRAINING) {
      return Optional.of(session.state);
    }
    touch(session, nowNanos);
    if (action == FlowAction.PAUSE) {
      session.state = SessionState.PAUSED;
    } else if (action == FlowAction.RESUME || session.state == SessionState.EXPIRED) {
      session.state = SessionState.ACTIVE;
    }
    return Optional.of(session.state);
  }

  /**
   * Closes a session: nothing new is accepted after this. With {@code drain} and observations in
   * flight the session is DRAINING until {@link #markDurable} has seen them all; otherwise it is
   * CLOSED at once (in-flight ones may still become durable, or the server refuses them with
   * SESSION_CLOSED). Closing twice changes nothing. Returns empty for an unknown session.
   */
  public Optional<SessionState> onClose(SessionId id, boolean drain, long nowNanos) {
    Session session = sessions.get(id);
    if (session == null) {
      return Optional.empty();
    }
    if (session.state != SessionState.CLOSED && session.state != SessionState.DRAINING) {
      session.state = drain && session.hasInFlight() ? SessionState.DRAINING : SessionState.CLOSED;
      session.lastActivityNanos = nowNanos;
    }
    return Optional.of(session.state);
  }

  /**
   * Expires sessions idle for the timeout or longer and returns them, in table order. A session
   * with observations in flight does not expire: the server is still working for it. Closed
   * sessions are forgotten once idle for the closed retention (see {@link SessionOptions}), in
   * flight or not; expired ones are kept, so they can resume.
   */
  public List<SessionId> expireIdle(long nowNanos) {
    List<SessionId> expired = new ArrayList<>();
    Iterator<Session> each = sessions.values().iterator();
    while (each.hasNext()) {
      Session session = each.next();
      if (nowNanos < session.lastActivityNanos) {
        session.lastActivityNanos = nowNanos; // the clock stepped back: count idleness from now
        continue;
      }
      // unsigned: now >= last here, so the difference is exact even where a signed one overflows
      long idleNanos = nowNanos - session.lastActivityNanos;
      if (session.state == SessionState.CLOSED) {
        if (Long.compareUnsigned(idleNanos, closedRetentionNanos) >= 0) {
          each.remove(); // even with observations in flight: closed without drain, they may never end
        }
      } else if (Long.compareUnsigned(idleNanos, idleTimeoutNanos) >= 0 && !session.hasInFlight()
          && (session.state == SessionState.ACTIVE || session.state == SessionState.PAUSED)) {
        session.state = SessionState.EXPIRED;
        expired.add(session.id);
      }
    }
    return expired;
  }

  /** The number session {@code id} expects next, or 0 for an unknown session; allocates nothing. */
  public long expectedSeqOf(SessionId id) {
    Session session = sessions.get(id);
    return session == null ? 0 : session.expectedSeq();
  }

  public Optional<SessionInfo> find(SessionId id) {
    Session session = sessions.get(id);
    return session == null ? Optional.empty() : Optional.of(session.info());
  }

  /** Sessions active, paused or draining: the active-sessions gauge. */
  public int liveCount() {
    int live = 0;
    for (Session session : sessions.values()) {
      live += session.state.isLive() ? 1 : 0;
    }
    return live;
  }

  /** The durable part, for a checkpoint: in-flight observations are not in it. */
  public SessionSnapshot snapshot() {
    List<DurableSession> durable = new ArrayList<>(sessions.size());
    for (Session session : sessions.values()) {
      durable.add(session.durable());
    }
    return new SessionSnapshot(nextSessionNumber, durable);
  }

  private Session existing(SessionId id) {
    Session session = sessions.get(id);
    Check.that(session != null, "no session %s", id);
    return session;
  }

  private static void touch(Session session, long nowNanos) {
    session.lastActivityNanos = nowNanos;
  }

  /** The counter in an id this table made ({@code s-12} gives 12), or 0 for any other id. */
  private static long numberOf(SessionId id) {
    String value = id.value();
    if (!value.startsWith(ID_PREFIX) || value.length() == ID_PREFIX.length() || value.length() > 19) {
      return 0;
    }
    long number = 0;
    for (int i = ID_PREFIX.length(); i < value.length(); i++) {
      char c = value.charAt(i);
      if (c < '0' || c > '9') {
        return 0;
      }
      number = number * 10 + (c - '0');
    }
    return number;
  }
}
