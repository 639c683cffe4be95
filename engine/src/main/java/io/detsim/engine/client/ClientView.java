package io.detsim.engine.client;

import io.detsim.engine.protocol.RejectReason;
import io.detsim.engine.protocol.SessionId;
import io.detsim.engine.protocol.SessionStatus;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Everything one {@link StreamingClient} saw, for validators: its observations in the order it
 * generated them, its sessions, its recalls, and counts. Read-only outside this package, and in a
 * deterministic order everywhere (insertion or key order, never hash order).
 *
 * <p>Times are client-clock readings; under clock skew they are skewed (see {@link ObservationRecord}).
 * The view lives in the client node's memory: the client keeps nothing on disk, so a client crash
 * is outside its fault model (a restarted client would start a fresh view and stream again).
 *
 * <p>{@link #anomalies()} lists answers a correct server never gives (an ACCEPTED for a number the
 * client never sent, with another memory id, for an observation it had refused as invalid). The
 * client ignores them and notes them here rather than throwing: a server bug is the validators'
 * finding to report, not a crash of the client.
 */
public final class ClientView {
  private final String clientName;
  private final long observationsTotal;
  private final List<ObservationRecord> observations = new ArrayList<>();
  private final Map<String, ObservationRecord> byEpisodeId = new LinkedHashMap<>();
  private final Map<SessionId, SessionRecord> sessions = new LinkedHashMap<>();
  private final TreeMap<Long, RecallRecord> recalls = new TreeMap<>();
  private final EnumMap<RejectReason, Integer> rejections = new EnumMap<>(RejectReason.class);
  private final EnumMap<SessionStatus, Integer> statuses = new EnumMap<>(SessionStatus.class);
  private final List<String> anomalies = new ArrayList<>();
  private long sent;
  private long resent;
  private long accepted;
  private long indexed;
  private long finallyRejected;
  private long initsSent;
  private long gapResends;
  private long pauses;
  private long ratePerSecond;

  ClientView(String clientName, long observationsTotal, long ratePerSecond) {
    this.clientName = clientName;
    this.observationsTotal = observationsTotal;
    this.ratePerSecond = ratePerSecond;
  }

  /** The client's node name, the prefix of its episode ids ({@code name-1}, {@code name-2}, ...). */
  public String clientName() {
    return clientName;
  }

  public long observationsTotal() {
    return observationsTotal;
  }

  /** The observations generated so far, in order (index 1 first). */
  public List<ObservationRecord> observations() {
    return Collections.unmodifiableList(observations);
  }

  public Optional<ObservationRecord> observation(String episodeId) {
    return Optional.ofNullable(byEpisodeId.get(episodeId));
  }

  /** The sessions, in the order they were opened; the last is the current one. */
  public List<SessionRecord> sessions() {
    return Collections.unmodifiableList(new ArrayList<>(sessions.values()));
  }

  public Optional<SessionRecord> session(SessionId session) {
    return Optional.ofNullable(sessions.get(session));
  }

  /** The recalls sent, by request id. */
  public List<RecallRecord> recalls() {
    return Collections.unmodifiableList(new ArrayList<>(recalls.values()));
  }

  /** True when every one of the N observations is ACCEPTED or finally REJECTED. */
  public boolean isDone() {
    return accepted + finallyRejected == observationsTotal;
  }

  /** Observation transmissions, resends included. */
  public long sentCount() {
    return sent;
  }

  /** Transmissions of an observation that had been sent before (retries, go-back-N, after a wait). */
  public long resentCount() {
    return resent;
  }

  /** Observations ACCEPTED (each counted once). */
  public long acceptedCount() {
    return accepted;
  }

  /** Observations reported INDEXED (each counted once). */
  public long indexedCount() {
    return indexed;
  }

  /** Observations with a final REJECTED outcome. */
  public long finallyRejectedCount() {
    return finallyRejected;
  }

  /** REJECTED answers received, by reason: messages, so duplicates and stale ones count. */
  public Map<RejectReason, Integer> rejectionsByReason() {
    return Collections.unmodifiableMap(new EnumMap<>(rejections));
  }

  public int rejectionCount(RejectReason reason) {
    return rejections.getOrDefault(reason, 0);
  }

  /** Status messages received, by status. */
  public Map<SessionStatus, Integer> statusesReceived() {
    return Collections.unmodifiableMap(new EnumMap<>(statuses));
  }

  public long initsSentCount() {
    return initsSent;
  }

  /**
   * Observations resent because the server refused a gap (or an expired session) and named the
   * number it expects: go-back-N resends and fast retransmits, not retry-timer resends.
   */
  public long gapResendCount() {
    return gapResends;
  }

  /** Times the client stopped sending to wait out an overload (OVER_CAPACITY, OVERLOADED, ...). */
  public long pauseCount() {
    return pauses;
  }

  /** The send rate the client aims at now (the target, or lower under backpressure). */
  public long ratePerSecond() {
    return ratePerSecond;
  }

  public List<String> anomalies() {
    return Collections.unmodifiableList(anomalies);
  }

  // ---- updates, by the client ----

  void addObservation(ObservationRecord record) {
    observations.add(record);
    byEpisodeId.put(record.episodeId(), record);
  }

  void addSession(SessionRecord record) {
    sessions.put(record.session(), record);
  }

  SessionRecord sessionRecord(SessionId session) {
    return sessions.get(session);
  }

  void addRecall(RecallRecord record) {
    recalls.put(record.requestId(), record);
  }

  RecallRecord recall(long requestId) {
    return recalls.get(requestId);
  }

  void countSent(boolean isResend) {
    sent++;
    if (isResend) {
      resent++;
    }
  }

  void countAccepted() {
    accepted++;
  }

  void countIndexed() {
    indexed++;
  }

  void countFinallyRejected() {
    finallyRejected++;
  }

  void countRejection(RejectReason reason) {
    rejections.merge(reason, 1, Integer::sum);
  }

  void countStatus(SessionStatus status) {
    statuses.merge(status, 1, Integer::sum);
  }

  void countInitSent() {
    initsSent++;
  }

  void countGapResends(long count) {
    gapResends += count;
  }

  void countPause() {
    pauses++;
  }

  void setRatePerSecond(long rate) {
    ratePerSecond = rate;
  }

  void addAnomaly(String text) {
    anomalies.add(text);
  }
}
