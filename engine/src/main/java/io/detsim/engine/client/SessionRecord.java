package io.detsim.engine.client;

import io.detsim.engine.protocol.SessionId;
import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * One session the client opened, and which observation it gave each sequence number of it.
 *
 * <p>A client opens a second session only when it must (the server forgot the first, closed it, or
 * refused an observation as invalid, which leaves its number free and would make every later number
 * a gap). In the new session the sequence starts again at the InitAck's next number, with the first
 * observation not yet ACCEPTED; {@link #openedBecause} says why, so a validator can tell the
 * sessions apart and check order within each.
 */
public final class SessionRecord {

  /** Why a session was opened. */
  public enum Cause {
    /** The client's first session. */
    START,
    /** The server answered SESSION_UNKNOWN: it lost the session (a restart before it was durable). */
    SESSION_UNKNOWN,
    /** The server answered SESSION_CLOSED, or reported CLOSED, while observations were pending. */
    SESSION_CLOSED,
    /** An observation was refused as INVALID_INPUT: its number stays free, so later ones would be gaps. */
    INVALID_INPUT,
    /** An observation was refused as STORE_FULL: final, and its number stays free, as for INVALID_INPUT. */
    STORE_FULL
  }

  private final SessionId session;
  private final long requestId;
  private final Cause openedBecause;
  private final long openedAtNanos;
  private final long firstSeq;
  private final TreeMap<Long, ObservationRecord> bySeq = new TreeMap<>();
  private boolean closed;

  SessionRecord(SessionId session, long requestId, Cause openedBecause, long openedAtNanos, long firstSeq) {
    this.session = Objects.requireNonNull(session, "session");
    this.requestId = requestId;
    this.openedBecause = Objects.requireNonNull(openedBecause, "openedBecause");
    this.openedAtNanos = openedAtNanos;
    this.firstSeq = firstSeq;
  }

  public SessionId session() {
    return session;
  }

  /** The Init request whose InitAck opened it. */
  public long requestId() {
    return requestId;
  }

  public Cause openedBecause() {
    return openedBecause;
  }

  /** The client clock when the InitAck arrived. */
  public long openedAtNanos() {
    return openedAtNanos;
  }

  /** The InitAck's next sequence number (1 by the protocol). */
  public long firstSeq() {
    return firstSeq;
  }

  /** Episode ids by sequence number, every number the client gave out in this session. */
  public Map<Long, String> episodeIdsBySeq() {
    TreeMap<Long, String> ids = new TreeMap<>();
    for (Map.Entry<Long, ObservationRecord> entry : bySeq.entrySet()) {
      ids.put(entry.getKey(), entry.getValue().episodeId());
    }
    return Collections.unmodifiableMap(ids);
  }

  /** The highest sequence number given out; {@code firstSeq - 1} if none. */
  public long lastSeq() {
    return bySeq.isEmpty() ? firstSeq - 1 : bySeq.lastKey();
  }

  /** True once the server reported the session CLOSED (after the client's Close). */
  public boolean isClosed() {
    return closed;
  }

  ObservationRecord at(long seq) {
    return bySeq.get(seq);
  }

  void put(long seq, ObservationRecord record) {
    bySeq.put(seq, record);
  }

  void markClosed() {
    closed = true;
  }
}
