package io.detsim.engine.client;

import io.detsim.engine.protocol.Episode;
import io.detsim.engine.protocol.Priority;
import io.detsim.engine.protocol.RejectReason;
import io.detsim.engine.protocol.SessionId;
import io.detsim.sim.port.Check;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalLong;

/**
 * What one client knows about one of its observations: where it was sent (session and sequence
 * number, more than one pair if the client had to open a new session), how often, what came back,
 * and its outcome. Read-only outside this package; the client updates it.
 *
 * <p><b>Times are readings of the client's own clock</b> ({@code NodeContext.clock()}), the only
 * time a node can see. Under clock skew they are skewed, and a stepped clock can even make a later
 * event read earlier; a validator that needs true virtual time records it on its own side.
 */
public final class ObservationRecord {

  /** Where an observation stands, from the client's side. */
  public enum Outcome {
    /** Not yet ACCEPTED and not finally refused: the client still works on it. */
    PENDING,
    /** The server said it is durable. Final. */
    ACCEPTED,
    /** The server refused it for a reason retrying cannot fix (INVALID_INPUT, STORE_FULL). Final. */
    REJECTED
  }

  /** One place an observation was sent to: a session and the sequence number it had there. */
  public record Assignment(SessionId session, long seq) {
    public Assignment {
      Objects.requireNonNull(session, "session");
      Check.argument(seq >= 1, "sequence numbers start at 1: %d", seq);
    }
  }

  private final long index;
  private final Episode episode;
  private final Priority priority;
  private final List<Assignment> assignments = new ArrayList<>();
  private final EnumMap<RejectReason, Integer> rejections = new EnumMap<>(RejectReason.class);
  private long sendCount;
  private long firstSentAtNanos;
  private long lastSentAtNanos;
  private Outcome outcome = Outcome.PENDING;
  private RejectReason finalReason;
  private Assignment acceptedAs;
  private long acceptedAtNanos;
  private boolean indexed;
  private long indexedAtNanos;
  private long indexedOrdinal;
  private boolean indexedBeforeAccepted;

  ObservationRecord(long index, Episode episode, Priority priority) {
    this.index = index;
    this.episode = Objects.requireNonNull(episode, "episode");
    this.priority = Objects.requireNonNull(priority, "priority");
  }

  /** 1 for the client's first observation, N for its last: the order the client generated them in. */
  public long index() {
    return index;
  }

  public String episodeId() {
    return episode.id();
  }

  /** The episode exactly as sent (its embedding included, for validators that check recall). */
  public Episode episode() {
    return episode;
  }

  public Priority priority() {
    return priority;
  }

  /** Every (session, seq) this observation was given, in order; the last is the current one. */
  public List<Assignment> assignments() {
    return Collections.unmodifiableList(assignments);
  }

  /** Transmissions, first send and resends together. */
  public long sendCount() {
    return sendCount;
  }

  /** The client clock when it was first sent; empty if it never was. */
  public OptionalLong firstSentAtNanos() {
    return sendCount == 0 ? OptionalLong.empty() : OptionalLong.of(firstSentAtNanos);
  }

  public OptionalLong lastSentAtNanos() {
    return sendCount == 0 ? OptionalLong.empty() : OptionalLong.of(lastSentAtNanos);
  }

  public Outcome outcome() {
    return outcome;
  }

  /** The reason of a final REJECTED outcome; null otherwise. */
  public RejectReason finalReason() {
    return finalReason;
  }

  public boolean isFinal() {
    return outcome != Outcome.PENDING;
  }

  /** The (session, seq) whose ACCEPTED came first; null while not accepted. */
  public Assignment acceptedAs() {
    return acceptedAs;
  }

  /** The client clock when the first ACCEPTED arrived. */
  public OptionalLong acceptedAtNanos() {
    return acceptedAs == null ? OptionalLong.empty() : OptionalLong.of(acceptedAtNanos);
  }

  /** The client clock when the first INDEXED arrived (before or after ACCEPTED: both happen). */
  public OptionalLong indexedAtNanos() {
    return indexed ? OptionalLong.of(indexedAtNanos) : OptionalLong.empty();
  }

  /**
   * Which of its client's INDEXED acknowledgements was the first for this observation: 1 for the
   * first the client heard, 0 when none came. Unlike the client's clock, which a clock fault can
   * turn back, it orders what the client heard; {@link RecallRecord#indexedHeardBefore} is on the
   * same count.
   */
  public long indexedOrdinal() {
    return indexedOrdinal;
  }

  /** True when INDEXED reached the client before any ACCEPTED did. */
  public boolean wasIndexedBeforeAccepted() {
    return indexedBeforeAccepted;
  }

  /** REJECTED answers received for this observation, by reason (stale and duplicated ones included). */
  public Map<RejectReason, Integer> rejections() {
    return Collections.unmodifiableMap(new EnumMap<>(rejections));
  }

  public int rejectionCount(RejectReason reason) {
    return rejections.getOrDefault(reason, 0);
  }

  // ---- updates, by the client ----

  void assign(SessionId session, long seq) {
    assignments.add(new Assignment(session, seq));
  }

  /** The current (session, seq); null before the first assignment. */
  Assignment current() {
    return assignments.isEmpty() ? null : assignments.get(assignments.size() - 1);
  }

  void markSent(long clockNanos) {
    if (sendCount == 0) {
      firstSentAtNanos = clockNanos;
    }
    lastSentAtNanos = clockNanos;
    sendCount++;
  }

  /** Records an ACCEPTED; returns true the first time only. */
  boolean markAccepted(Assignment as, long clockNanos) {
    if (acceptedAs != null) {
      return false;
    }
    Check.that(outcome == Outcome.PENDING, "%s accepted after a final %s", episode.id(), outcome);
    acceptedAs = as;
    acceptedAtNanos = clockNanos;
    outcome = Outcome.ACCEPTED;
    return true;
  }

  /**
   * Records an INDEXED, the {@code ordinal}-th its client heard; returns true the first time only.
   */
  boolean markIndexed(long clockNanos, long ordinal) {
    if (indexed) {
      return false;
    }
    indexed = true;
    indexedAtNanos = clockNanos;
    indexedOrdinal = ordinal;
    indexedBeforeAccepted = acceptedAs == null;
    return true;
  }

  void countRejection(RejectReason reason) {
    rejections.merge(reason, 1, Integer::sum);
  }

  void markRejected(RejectReason reason) {
    Check.that(outcome == Outcome.PENDING, "%s finally rejected after %s", episode.id(), outcome);
    outcome = Outcome.REJECTED;
    finalReason = Objects.requireNonNull(reason, "reason");
  }

  @Override
  public String toString() {
    return "ObservationRecord[" + episode.id() + " " + outcome + (finalReason == null ? "" : " " + finalReason)
        + " assignments=" + assignments + " sends=" + sendCount + "]";
  }
}
