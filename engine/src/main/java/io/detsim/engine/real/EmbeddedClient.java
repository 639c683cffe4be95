package io.detsim.engine.real;

import io.detsim.engine.protocol.Ack;
import io.detsim.engine.protocol.AckOutcome;
import io.detsim.engine.protocol.Episode;
import io.detsim.engine.protocol.Init;
import io.detsim.engine.protocol.InitAck;
import io.detsim.engine.protocol.Observation;
import io.detsim.engine.protocol.Priority;
import io.detsim.engine.protocol.Recall;
import io.detsim.engine.protocol.RecallBatch;
import io.detsim.engine.protocol.RecallHit;
import io.detsim.engine.protocol.RejectReason;
import io.detsim.engine.protocol.SessionId;
import io.detsim.engine.protocol.SessionStatus;
import io.detsim.engine.protocol.Status;
import io.detsim.sim.port.Node;
import io.detsim.sim.port.NodeContext;
import io.detsim.sim.port.NodeId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.function.ObjLongConsumer;

/**
 * The embedded engine's client node: turns {@link EmbeddedEngine#offer} and {@code recall} calls
 * into the engine's protocol, one session per memory space, and completes each call's future from
 * the server's answer.
 *
 * <p>Unlike {@code StreamingClient} it retries nothing: inside one process no message is lost, and
 * the caller decides what to do with a refusal (an open-loop benchmark counts it). That leaves one
 * protocol subtlety. Sequence numbers count admitted observations, so when observation n of a
 * session is refused, every later one already in flight arrives as a gap, and would be held or
 * refused. This client declares a reorder buffer of 0 in its Init, so the server refuses each of
 * them at once as SEQUENCE_GAP, in order, before it sees anything sent later; the client answers
 * those callers with n's refusal (for OVER_CAPACITY: the queue was full when they arrived, with the
 * same retry-after), skips exactly that many gap refusals, and numbers the next offer n again. No
 * offer is ever left unanswered, and none can be admitted twice.
 *
 * <p>Invalid content is refused here, before it is numbered: INVALID_INPUT is the one refusal the
 * server gives before checking the sequence, so letting it through would break that count.
 */
final class EmbeddedClient implements Node {
  private static final System.Logger LOG = System.getLogger(EmbeddedClient.class.getName());
  /** A worker that dies while it answers a recall loses the recall (the server does not re-send it). */
  static final long RECALL_TIMEOUT_NANOS = 10_000_000_000L;

  /** Offer one observation (a command from {@link EmbeddedEngine}). */
  record Offer(String space, Priority priority, Episode episode, long offeredAtNanos,
      CompletableFuture<OfferResult> result) {}

  /** Recall from one space (a command from {@link EmbeddedEngine}). */
  record RecallCommand(String space, float[] cue, int k, CompletableFuture<RecallResult> result) {}

  private final NodeContext context;
  private final NodeId server;
  private final int dimension;
  private final ObjLongConsumer<SessionStatus> pressure;
  private final Map<String, Line> lines = new LinkedHashMap<>(); // by space
  private final Map<Long, Line> initsInFlight = new LinkedHashMap<>(); // by Init request id
  private final Map<SessionId, Line> bySession = new LinkedHashMap<>();
  private final Map<Long, Pages> recalls = new LinkedHashMap<>();
  private final Set<String> awaitingIndexed = new LinkedHashSet<>(); // "session#seq" ACCEPTED, not yet INDEXED
  private long nextRequestId = 1;

  /** One space's session and the offers waiting for their answers. */
  private static final class Line {
    final String space;
    SessionId session; // null until the InitAck
    final List<Offer> unsent = new ArrayList<>();
    final TreeMap<Long, Offer> inFlight = new TreeMap<>();
    long nextSeq = 1;
    long staleGaps;

    Line(String space) {
      this.space = space;
    }
  }

  /** A recall's pages, put back in order. */
  private static final class Pages {
    final CompletableFuture<RecallResult> result;
    final TreeMap<Integer, List<RecallHit>> pages = new TreeMap<>();
    int lastIndex = -1;
    long generation;
    long timer;

    Pages(CompletableFuture<RecallResult> result) {
      this.result = result;
    }
  }

  /** @param pressure hears each Status of the server, with when it came (the edge opens or closes on it) */
  EmbeddedClient(NodeContext context, NodeId server, int dimension, ObjLongConsumer<SessionStatus> pressure) {
    this.context = context;
    this.server = server;
    this.dimension = dimension;
    this.pressure = pressure;
  }

  @Override
  public void onMessage(NodeId source, Object message) {
    if (message instanceof Ack ack) {
      onAck(ack);
    } else if (message instanceof Offer offer) {
      onOffer(offer);
    } else if (message instanceof InitAck initAck) {
      onInitAck(initAck);
    } else if (message instanceof RecallBatch batch) {
      onRecallBatch(batch);
    } else if (message instanceof RecallCommand recall) {
      onRecall(recall);
    } else if (message instanceof Status status && bySession.containsKey(status.session())) {
      onStatus(status.status());
    }
  }

  /**
   * Observations this client saw ACCEPTED whose INDEXED has not come yet. The server sends INDEXED
   * once an observation is durable and its worker has inserted it, always after its ACCEPTED (both
   * from the server's thread, in order), so zero means everything accepted through this client is
   * visible to recall: a drain can tell without reading an index that a worker may be writing.
   */
  int awaitingIndexed() {
    return awaitingIndexed.size();
  }

  /** Offers and recalls not yet answered, for a drain to wait on. */
  int outstanding() {
    int count = recalls.size();
    for (Line line : lines.values()) {
      count += line.unsent.size() + line.inFlight.size();
    }
    return count;
  }

  // ---- offers ----

  private void onOffer(Offer offer) {
    Optional<String> problem = offer.episode().validate(dimension);
    if (problem.isPresent()) {
      LOG.log(System.Logger.Level.DEBUG, "offer refused here: " + problem.get());
      complete(offer, OfferResult.rejected(offer.episode().id(), RejectReason.INVALID_INPUT, 0, latency(offer)));
      return;
    }
    Line line = lines.computeIfAbsent(offer.space(), Line::new);
    if (line.session == null) {
      if (line.unsent.isEmpty()) {
        long requestId = nextRequestId++;
        initsInFlight.put(requestId, line);
        context.send(server, new Init(requestId, line.space, /* clientBufferSize= */ 0,
            /* enableBackpressure= */ true, /* maxBatchSize= */ 0));
      }
      line.unsent.add(offer);
      return;
    }
    transmit(line, offer);
  }

  /**
   * The server's pressure, announced on every change: the edge opens or closes on it
   * ({@link OfferGate#serverStatus}).
   */
  private void onStatus(SessionStatus status) {
    pressure.accept(status, context.clock().nowNanos());
  }

  private void onInitAck(InitAck ack) {
    Line line = initsInFlight.remove(ack.requestId());
    if (line == null) {
      return;
    }
    line.session = ack.session();
    line.nextSeq = ack.nextSeq();
    bySession.put(ack.session(), line);
    for (Offer offer : line.unsent) {
      transmit(line, offer);
    }
    line.unsent.clear();
  }

  private void transmit(Line line, Offer offer) {
    long seq = line.nextSeq++;
    line.inFlight.put(seq, offer);
    context.send(server, new Observation(line.session, seq, offer.priority(), offer.episode()));
  }

  private void onAck(Ack ack) {
    Line line = bySession.get(ack.session());
    if (line == null) {
      return;
    }
    if (ack.outcome() == AckOutcome.ACCEPTED) {
      Offer offer = line.inFlight.get(ack.seq());
      if (offer != null && offer.episode().id().equals(ack.memoryId())) {
        line.inFlight.remove(ack.seq());
        awaitingIndexed.add(ack.session().value() + "#" + ack.seq());
        complete(offer, OfferResult.accepted(ack.memoryId(), latency(offer)));
      }
    } else if (ack.outcome() == AckOutcome.REJECTED) {
      onRejected(line, ack);
    } else { // INDEXED: the offer's answer was its durability; this only tells a drain it is visible
      awaitingIndexed.remove(ack.session().value() + "#" + ack.seq());
    }
  }

  private void onRejected(Line line, Ack ack) {
    if (ack.reason() == RejectReason.SEQUENCE_GAP && line.staleGaps > 0) {
      line.staleGaps--; // an offer after a refused one: answered already, see the class comment
      return;
    }
    Offer refused = line.inFlight.remove(ack.seq());
    if (refused == null) {
      LOG.log(System.Logger.Level.WARNING, "refusal for an offer not in flight: " + ack.traceDetail());
      return;
    }
    complete(refused, OfferResult.rejected(refused.episode().id(), ack.reason(), ack.retryAfterNanos(),
        latency(refused)));
    List<Offer> after = new ArrayList<>(line.inFlight.tailMap(ack.seq(), false).values());
    line.inFlight.tailMap(ack.seq(), false).clear();
    line.staleGaps += after.size();
    line.nextSeq = ack.seq();
    for (Offer offer : after) {
      complete(offer, OfferResult.rejected(offer.episode().id(), ack.reason(), ack.retryAfterNanos(), latency(offer)));
    }
    if (ack.reason() == RejectReason.SESSION_UNKNOWN || ack.reason() == RejectReason.SESSION_CLOSED) {
      forget(line); // the next offer opens a new session
    }
  }

  private void forget(Line line) {
    bySession.remove(line.session);
    lines.remove(line.space);
  }

  // ---- recall ----

  private void onRecall(RecallCommand command) {
    long requestId = nextRequestId++;
    Pages pages = new Pages(command.result());
    recalls.put(requestId, pages);
    pages.timer = context.setTimer(RECALL_TIMEOUT_NANOS, () -> {
      Pages lost = recalls.remove(requestId);
      if (lost != null) {
        lost.result.completeExceptionally(new java.util.concurrent.TimeoutException(
            "no answer to recall " + requestId + " in 10 s: the worker answering it may have died"));
      }
    });
    context.send(server, new Recall(requestId, command.space(), null, command.cue(), command.k(),
        /* snapshot= */ true));
  }

  private void onRecallBatch(RecallBatch batch) {
    Pages pages = recalls.get(batch.requestId());
    if (pages == null) {
      return;
    }
    if (batch.reason() != null) {
      recalls.remove(batch.requestId());
      context.cancelTimer(pages.timer);
      pages.result.complete(new RecallResult(List.of(), 0, batch.reason()));
      return;
    }
    pages.pages.put(batch.batchIndex(), batch.results());
    pages.generation = batch.snapshotGeneration();
    if (!batch.more()) {
      pages.lastIndex = batch.batchIndex();
    }
    if (pages.lastIndex >= 0 && pages.pages.size() == pages.lastIndex + 1) {
      recalls.remove(batch.requestId());
      context.cancelTimer(pages.timer);
      List<RecallHit> hits = new ArrayList<>();
      pages.pages.values().forEach(hits::addAll);
      pages.result.complete(new RecallResult(hits, pages.generation, null));
    }
  }

  // ---- answers ----

  private void complete(Offer offer, OfferResult result) {
    offer.result().complete(result);
  }

  private long latency(Offer offer) {
    return context.clock().nowNanos() - offer.offeredAtNanos();
  }
}
