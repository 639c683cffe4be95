package io.detsim.engine.client;

import io.detsim.engine.protocol.Ack;
import io.detsim.engine.protocol.Capabilities;
import io.detsim.engine.protocol.Close;
import io.detsim.engine.protocol.Init;
import io.detsim.engine.protocol.InitAck;
import io.detsim.engine.protocol.Observation;
import io.detsim.engine.protocol.Recall;
import io.detsim.engine.protocol.RecallBatch;
import io.detsim.engine.protocol.RecallHit;
import io.detsim.engine.protocol.RejectReason;
import io.detsim.engine.protocol.SessionId;
import io.detsim.engine.protocol.SessionStatus;
import io.detsim.engine.protocol.SpaceId;
import io.detsim.engine.protocol.Status;
import io.detsim.sim.port.Node;
import io.detsim.sim.port.NodeContext;
import io.detsim.sim.port.NodeId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.LongSupplier;

/**
 * Just enough of the server to drive a client: sessions with the sequence rules of docs/engine.md
 * (accept the expected number, acknowledge a duplicate again once its ACCEPTED was sent, refuse a
 * gap with the expected number), ACCEPTED after a fixed delay, INDEXED after another, and knobs a
 * test turns: refuse everything OVER_CAPACITY for a while, broadcast a status, expire a session,
 * drop the next arrival of a number, refuse an episode as invalid.
 *
 * <p>Sessions live in the node's memory, so a crash and restart of the node forgets them: clients
 * then get SESSION_UNKNOWN, which is how a test makes a server lose sessions. What the test checks
 * afterwards lives in the {@link Ledger}, which outlives restarts (it is the test's notebook, not
 * the server's disk).
 */
final class FakeServer implements Node {
  static final int DIMENSION = 16;

  /** Fixed behaviour. */
  record Settings(long ackDelayNanos, long indexDelayNanos, int dimension) {
    static Settings standard() {
      return new Settings(2_000_000L, 5_000_000L, DIMENSION);
    }

    Settings withAckDelay(long nanos) {
      return new Settings(nanos, indexDelayNanos, dimension);
    }

    Settings withIndexDelay(long nanos) {
      return new Settings(ackDelayNanos, nanos, dimension);
    }
  }

  record Applied(long seq, String episodeId, long atNanos) {}

  record Arrival(long atNanos, SessionId session, long seq, String episodeId) {}

  /** What the test reads after the run; survives restarts of the fake server. */
  static final class Ledger {
    final LongSupplier trueTime;
    final Map<SessionId, List<Applied>> applied = new LinkedHashMap<>();
    final List<Arrival> arrivals = new ArrayList<>();
    final Map<SessionId, TreeMap<Long, String>> episodeBySeq = new LinkedHashMap<>();
    final List<String> violations = new ArrayList<>();
    final List<Long> overCapacitySentAt = new ArrayList<>();
    final List<Long> gapsSentAt = new ArrayList<>();
    long duplicates;
    long expiredRejections;
    long maxUnacknowledged;
    int sessionsOpened;
    long initsReceived;

    Ledger(LongSupplier trueTime) {
      this.trueTime = trueTime;
    }

    /** Every applied episode id, session by session. */
    List<String> appliedEpisodeIds() {
      List<String> ids = new ArrayList<>();
      for (List<Applied> list : applied.values()) {
        for (Applied a : list) {
          ids.add(a.episodeId());
        }
      }
      return ids;
    }

    List<String> appliedEpisodeIds(SessionId session) {
      List<String> ids = new ArrayList<>();
      for (Applied a : applied.getOrDefault(session, List.of())) {
        ids.add(a.episodeId());
      }
      return ids;
    }
  }

  private static final class Session {
    final NodeId client;
    final SpaceId space;
    long expected = 1;
    long ackedThrough;
    boolean expired;
    boolean loseNextExpected;
    boolean closed;

    Session(NodeId client, SpaceId space) {
      this.client = client;
      this.space = space;
    }
  }

  private final NodeContext context;
  private final Settings settings;
  private final Ledger ledger;
  private final Map<SessionId, Session> sessions = new LinkedHashMap<>();
  private final Map<String, SessionId> sessionByInit = new LinkedHashMap<>();
  private final TreeSet<Long> dropNextArrivalOf = new TreeSet<>();
  private final TreeSet<Long> loseFirstAcceptedOf = new TreeSet<>();
  private final TreeSet<String> invalidEpisodes = new TreeSet<>();
  private long overCapacityUntilNanos = Long.MIN_VALUE;
  private long retryAfterNanos;

  FakeServer(NodeContext context, Settings settings, Ledger ledger) {
    this.context = context;
    this.settings = settings;
    this.ledger = ledger;
  }

  // ---- knobs, turned by the test driver ----

  void overCapacityFor(long durationNanos, long retryAfter) {
    overCapacityUntilNanos = now() + durationNanos;
    retryAfterNanos = retryAfter;
  }

  void broadcast(SessionStatus status) {
    for (Map.Entry<SessionId, Session> entry : sessions.entrySet()) {
      context.send(entry.getValue().client, new Status(entry.getKey(), status, 0, 1_000));
    }
  }

  /**
   * Expires every session, and loses the first observation that would resume one (the expected
   * number): the later ones in flight then meet an expired session and are refused SESSION_EXPIRED.
   */
  void expireAllAndLoseTheResumingObservation() {
    for (Session session : sessions.values()) {
      session.expired = true;
      session.loseNextExpected = true;
    }
  }

  /** The next arrival of this sequence number (any session) is ignored, as if the network lost it. */
  void dropNextArrivalOf(long seq) {
    dropNextArrivalOf.add(seq);
  }

  void refuseAsInvalid(String episodeId) {
    invalidEpisodes.add(episodeId);
  }

  /** The first ACCEPTED sent for this sequence number (any session) is lost; a duplicate's is not. */
  void loseFirstAcceptedOf(long seq) {
    loseFirstAcceptedOf.add(seq);
  }

  // ---- the protocol ----

  @Override
  public void onMessage(NodeId source, Object message) {
    if (message instanceof Init init) {
      onInit(source, init);
    } else if (message instanceof Observation observation) {
      onObservation(source, observation);
    } else if (message instanceof Close close) {
      Session session = sessions.get(close.session());
      if (session != null) {
        session.closed = true;
        context.send(source, new Status(close.session(), SessionStatus.CLOSED, 0, 1_000));
      }
    } else if (message instanceof Recall recall) {
      onRecall(source, recall);
    }
  }

  private void onInit(NodeId source, Init init) {
    ledger.initsReceived++;
    String key = source.name() + "/" + init.requestId();
    SessionId id = sessionByInit.get(key);
    if (id == null) {
      id = SessionId.of("s-" + ++ledger.sessionsOpened);
      sessionByInit.put(key, id);
      sessions.put(id, new Session(source, SpaceId.of(init.space())));
      ledger.applied.put(id, new ArrayList<>());
    }
    context.send(source, new InitAck(init.requestId(), id, SpaceId.of(init.space()), 1,
        new Capabilities(10_000, 1_000, settings.dimension(), true, true)));
  }

  private void onObservation(NodeId source, Observation obs) {
    long seq = obs.seq();
    String episodeId = obs.episode().id();
    ledger.arrivals.add(new Arrival(now(), obs.session(), seq, episodeId));
    if (dropNextArrivalOf.remove(seq)) {
      return;
    }
    Session session = sessions.get(obs.session());
    if (session == null) {
      reject(source, obs, RejectReason.SESSION_UNKNOWN, 0, 0);
      return;
    }
    if (session.loseNextExpected && seq == session.expected) {
      session.loseNextExpected = false;
      return;
    }
    String first = ledger.episodeBySeq.computeIfAbsent(obs.session(), s -> new TreeMap<>()).putIfAbsent(seq, episodeId);
    if (first != null && !first.equals(episodeId)) {
      ledger.violations.add(obs.session() + "#" + seq + " carried " + first + " and then " + episodeId);
    }
    ledger.maxUnacknowledged = Math.max(ledger.maxUnacknowledged, seq - session.ackedThrough);
    if (obs.validate(settings.dimension()).isPresent() || invalidEpisodes.contains(episodeId)) {
      reject(source, obs, RejectReason.INVALID_INPUT, 0, 0);
    } else if (seq < session.expected) {
      ledger.duplicates++;
      if (seq <= session.ackedThrough) {
        context.send(source, Ack.accepted(obs.session(), seq, appliedId(obs.session(), seq)));
      }
    } else if (session.closed) {
      reject(source, obs, RejectReason.SESSION_CLOSED, 0, session.expected); // as the engine: admitted nothing from here
    } else if (now() < overCapacityUntilNanos) {
      ledger.overCapacitySentAt.add(now());
      reject(source, obs, RejectReason.OVER_CAPACITY, retryAfterNanos, 0);
    } else if (session.expired && seq != session.expected) {
      ledger.expiredRejections++;
      reject(source, obs, RejectReason.SESSION_EXPIRED, 0, session.expected);
    } else if (seq > session.expected) {
      ledger.gapsSentAt.add(now());
      reject(source, obs, RejectReason.SEQUENCE_GAP, 0, session.expected);
    } else {
      apply(source, obs, session);
    }
  }

  private void apply(NodeId source, Observation obs, Session session) {
    session.expired = false;
    session.expected++;
    SessionId id = obs.session();
    long seq = obs.seq();
    String episodeId = obs.episode().id();
    ledger.applied.get(id).add(new Applied(seq, episodeId, now()));
    context.setTimer(settings.ackDelayNanos(), () -> {
      session.ackedThrough = Math.max(session.ackedThrough, seq);
      if (!loseFirstAcceptedOf.remove(seq)) {
        context.send(source, Ack.accepted(id, seq, episodeId));
      }
    });
    if (settings.indexDelayNanos() >= 0) {
      context.setTimer(settings.indexDelayNanos(), () -> context.send(source, Ack.indexed(id, seq, episodeId)));
    }
  }

  private void onRecall(NodeId source, Recall recall) {
    List<RecallHit> hits = new ArrayList<>();
    List<String> all = ledger.appliedEpisodeIds();
    for (int i = all.size() - 1; i >= 0 && hits.size() < recall.maxResults(); i--) {
      hits.add(new RecallHit(all.get(i), SpaceId.of(recall.space()), 1.0f));
    }
    context.send(source, new RecallBatch(recall.requestId(), 0, hits, false, all.size(), null));
  }

  private String appliedId(SessionId session, long seq) {
    return ledger.applied.get(session).get((int) (seq - 1)).episodeId();
  }

  private void reject(NodeId source, Observation obs, RejectReason reason, long retryAfter, long expected) {
    context.send(source, Ack.rejected(obs.session(), obs.seq(), reason, retryAfter, expected));
  }

  private long now() {
    return ledger.trueTime.getAsLong();
  }
}
