package io.detsim.engine.server;

import io.detsim.engine.index.HnswIndex;
import io.detsim.engine.log.Cut;
import io.detsim.engine.log.WalOptions;
import io.detsim.engine.log.WriteAheadLog;
import io.detsim.engine.metrics.EngineMetrics;
import io.detsim.engine.metrics.MetricsSnapshot;
import io.detsim.engine.planted.EngineMutant;
import io.detsim.engine.protocol.Ack;
import io.detsim.engine.protocol.Capabilities;
import io.detsim.engine.protocol.Close;
import io.detsim.engine.protocol.Episode;
import io.detsim.engine.protocol.FlowControl;
import io.detsim.engine.protocol.Init;
import io.detsim.engine.protocol.InitAck;
import io.detsim.engine.protocol.Observation;
import io.detsim.engine.protocol.Recall;
import io.detsim.engine.protocol.RecallBatch;
import io.detsim.engine.protocol.RejectReason;
import io.detsim.engine.protocol.SessionId;
import io.detsim.engine.protocol.SessionStatus;
import io.detsim.engine.protocol.SpaceId;
import io.detsim.engine.protocol.Status;
import io.detsim.engine.queue.Admission;
import io.detsim.engine.queue.PressureState;
import io.detsim.engine.session.ObservationDecision;
import io.detsim.engine.session.SessionInfo;
import io.detsim.engine.session.SessionOptions;
import io.detsim.engine.session.SessionState;
import io.detsim.engine.session.SessionTable;
import io.detsim.sim.port.Check;
import io.detsim.sim.port.Disk;
import io.detsim.sim.port.Node;
import io.detsim.sim.port.NodeContext;
import io.detsim.sim.port.NodeId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * The streaming memory engine's server node: sessions, admission, durability, dispatch to workers,
 * recall. See docs/engine.md for the guarantees; the comments here say how each is kept.
 *
 * <p>An observation's path: validated; its sequence number checked by the session table; admitted
 * by the queue or refused with a retry-after (never dropped), or refused STORE_FULL once the engine
 * holds its budget of observations (it never evicts an acknowledged one to make room); appended to the write-ahead log, and
 * ACCEPTED once a (group) sync covers it (guarantee 1); indexed by its space's worker in admission
 * order (guarantees 3, 4); INDEXED once it is both durable and visible. A restart rebuilds sessions
 * and indexes from the log before the node takes any message.
 */
public final class EngineServer implements Node, Dispatcher.Listener {
  private static final long IDLE_CHECK_NANOS = 10_000_000_000L;
  /** The idle timeouts {@link EngineSite#SHORT_IDLE_TIMEOUT} draws from: shorter than most partitions. */
  private static final long SHORT_IDLE_TIMEOUT_MIN_NANOS = 100_000_000L;
  private static final long SHORT_IDLE_TIMEOUT_MAX_NANOS = 1_000_000_000L;
  /** The LOW promotion bounds {@link EngineSite#SHORT_LOW_PROMOTION} draws from. */
  private static final long SHORT_LOW_PROMOTION_MIN_NANOS = 1_000_000L;
  private static final long SHORT_LOW_PROMOTION_MAX_NANOS = 50_000_000L;
  /** How many records pass between two asks of {@link EngineSite#EARLY_COMPACTION}. */
  private static final int EARLY_COMPACTION_RECORDS = 64;
  /**
   * How long observations ahead of a gap are held before the gap is answered (and, times
   * {@link ReorderBuffer#GIVE_UP_FACTOR}, before they are refused). Measured reason: a lost
   * observation's first retransmission leaves a client 200-250 ms after it (ClientOptions' retry
   * timeout plus jitter) and may take 100 ms more on the network (sustained_10min's delays), so a
   * 200 ms hold refused the whole held window just before the gap filled, at every loss: ~47
   * ACCEPTED/s against 1,000/s, three quarters of the arrivals refused (ReorderHoldRegressionTest).
   * 1 s also covers the retry of a lost retransmission (a further 400-500 ms).
   */
  private static final long REORDER_HOLD_NANOS = 1_000_000_000L;
  /** Where session numbering resumes after a log cut, at the least: above any a log reaches. */
  private static final long SESSION_NUMBERS_AFTER_CUT = 1L << 40;
  private static final long REORDER_SWEEP_NANOS = 50_000_000L;

  private final NodeContext context;
  private final EngineOptions options;
  private final WalOptions walOptions;
  /** The bugs this run planted (none in production), asked of the context once. */
  private final Set<EngineMutant> planted;
  private final boolean ackBeforeSync;
  private final boolean visibleGenerationNotRestored;
  private final WorkerPool workers;
  private final Dispatcher dispatcher;
  private final EngineMetrics metrics;
  private PressureState lastPressure = PressureState.NORMAL;
  private boolean backpressureRenewalPending;
  private final Map<SessionId, NodeId> clients = new LinkedHashMap<>();
  private final Map<String, SessionId> initsByRequest = new LinkedHashMap<>();
  private final ReorderBuffer reorder = new ReorderBuffer();
  private final TreeMap<Long, Tracked> tracked = new TreeMap<>();
  private SessionTable sessions;
  private WriteAheadLog log;
  private long recordsSinceCompaction;
  private long lastSnapshotObservations; // how many the last snapshot held: the log must grow as long again
  private long durableThroughLsn = -1; // every held observation at or below it is durable
  private long idleCheckNanos = IDLE_CHECK_NANOS;
  private long recoveredObservations;
  private long sweepRound; // the reorder buffer's clock: true time in sweeps, immune to clock steps

  /** An observation's progress: durable (ACCEPTED may go), visible (INDEXED may go once durable). */
  private static final class Tracked {
    final StoredObservation observation;
    final long receivedAtNanos;
    boolean durable;
    boolean indexed;
    boolean indexedAckSent;

    Tracked(StoredObservation observation, long receivedAtNanos) {
      this.observation = observation;
      this.receivedAtNanos = receivedAtNanos;
    }
  }

  public EngineServer(NodeContext context, EngineOptions options) {
    this(context, options, WalOptions.none());
  }

  /**
   * A server whose write-ahead log has {@code log}'s options: the real runtime streams its snapshots
   * to disk in chunks (docs/engine.md, real runtime).
   */
  public EngineServer(NodeContext context, EngineOptions options, WalOptions log) {
    this.context = context;
    this.options = options;
    this.walOptions = Objects.requireNonNull(log, "log");
    this.planted = EngineMutant.plantedIn(context);
    this.ackBeforeSync = planted.contains(EngineMutant.ACK_BEFORE_SYNC);
    this.visibleGenerationNotRestored = planted.contains(EngineMutant.VISIBLE_GENERATION_NOT_RESTORED);
    this.workers = new WorkerPool(options, context,
        worker -> workerContext -> new Worker(workerContext, context.self(), worker, options));
    this.metrics = new EngineMetrics(context.clock());
    this.dispatcher = new Dispatcher(withBuggifiedQueue(options, context), planted, context, workers, this, metrics);
    workers.onRestart(dispatcher::redeliver);
    workers.onRound(() -> dispatcher.recordUtilization(options.heartbeatNanos()));
  }

  /**
   * {@code options}, with a LOW promotion bound of 1 to 50 ms when {@link EngineSite#SHORT_LOW_PROMOTION}
   * fires at this start: the design's 1 s is longer than a LOW item ever waits behind a NORMAL
   * backlog in runs of seconds, so promotion, and the starvation it prevents, were never reached.
   */
  private static EngineOptions withBuggifiedQueue(EngineOptions options, NodeContext context) {
    if (!context.buggify(EngineSite.SHORT_LOW_PROMOTION)) {
      return options;
    }
    long bound = context.random("low-promotion").nextLong(SHORT_LOW_PROMOTION_MIN_NANOS, SHORT_LOW_PROMOTION_MAX_NANOS);
    return options.withQueue(options.queue().withLowPromotionNanos(bound));
  }

  @Override
  public void onStart() {
    context.point("recovery-start");
    EngineRecovery.State recovered = EngineRecovery.run(context.disk(), planted, walOptions);
    for (Cut cut : recovered.cuts()) {
      context.trace("log-cut", cut.traceDetail());
    }
    log = recovered.log();
    log.announcePointsTo(context::point);
    context.point("recovery-log-read"); // the log is cut and read; the indexes are not yet rebuilt
    SessionOptions sessionOptions = options.sessions();
    if (context.buggify(EngineSite.SHORT_IDLE_TIMEOUT)) {
      sessionOptions = sessionOptions.withIdleTimeoutNanos(
          context.random("idle-timeout").nextLong(SHORT_IDLE_TIMEOUT_MIN_NANOS, SHORT_IDLE_TIMEOUT_MAX_NANOS));
    }
    idleCheckNanos = Math.min(IDLE_CHECK_NANOS, sessionOptions.idleTimeoutNanos() / 4);
    sessions = SessionTable.restore(sessionOptions, planted, recovered.sessions(), context.clock().nowNanos());
    if (recovered.cuts().stream().anyMatch(cut -> cut.reason() != Cut.Reason.ABANDONED_COMPACTION)) {
      // Session numbers from a random point far above the log's: ids it handed out after the cut
      // are unknown now, and a reused one made an old session's in-flight copy count as another
      // observation of the new session (acknowledged loss and a double apply after a disk fault,
      // swarm seed 0xb7a4712c74562914). From the node's seeded stream: replays stay exact.
      sessions.numberFrom(context.random("session-numbers").nextLong(SESSION_NUMBERS_AFTER_CUT, 2 * SESSION_NUMBERS_AFTER_CUT));
    }
    for (StoredObservation observation : recovered.observations()) {
      SpaceLine line = line(observation.episode().spaceId());
      line.atHome().insert(observation.lsn(), observation.episode().id(), observation.episode().sharedEmbedding());
      if (!visibleGenerationNotRestored) {
        line.visibleGeneration = line.atHome().generation();
      }
      Tracked progress = new Tracked(observation, 0);
      progress.durable = true;
      progress.indexed = true;
      progress.indexedAckSent = true;
      tracked.put(observation.lsn(), progress);
    }
    recoveredObservations = recovered.observations().size();
    durableThroughLsn = tracked.isEmpty() ? -1 : tracked.lastKey();
    context.consumeCpu(options.itemCostNanos() * recoveredObservations);
    context.point("recovery-end");
    context.trace("recovered", recoveredObservations + " observations, " + recovered.sessions().sessions().size()
        + " sessions");
    workers.startAll();
    context.setTimer(idleCheckNanos, this::expireIdleSessions);
    context.setTimer(REORDER_SWEEP_NANOS, this::sweepReorderBuffer);
  }

  @Override
  public void onMessage(NodeId source, Object message) {
    if (message instanceof Observation) {
      onObservation(source, (Observation) message);
    } else if (message instanceof WorkerMessages.BatchDone) {
      dispatcher.done((WorkerMessages.BatchDone) message, now());
    } else if (message instanceof WorkerMessages.RecallDone) {
      WorkerMessages.RecallDone done = (WorkerMessages.RecallDone) message;
      metrics.recallLatencySince(done.receivedAtNanos());
      SpaceLine line = dispatcher.existingLine(done.space());
      if (line != null && line.recallsOut > 0) {
        line.recallsOut--;
      }
    } else if (message instanceof WorkerMessages.HeartbeatReply) {
      workers.onReply((WorkerMessages.HeartbeatReply) message);
    } else if (message instanceof Init) {
      onInit(source, (Init) message);
    } else if (message instanceof Recall) {
      onRecall(source, (Recall) message);
    } else if (message instanceof FlowControl) {
      onFlowControl(source, (FlowControl) message);
    } else if (message instanceof Close) {
      onClose(source, (Close) message);
    }
  }

  // ---- sessions ----

  private void onInit(NodeId source, Init init) {
    Optional<String> problem = init.validate(options.dimension());
    if (problem.isPresent()) {
      context.trace("init-refused", problem.get());
      return;
    }
    String request = source.name() + "#" + init.requestId();
    SessionId existing = initsByRequest.get(request);
    if (existing != null) { // a retried Init whose answer was lost: the same session again
      log.commit(() -> context.send(source, initAck(init, existing)));
      return;
    }
    SpaceId space = SpaceId.of(init.space());
    SessionId session = sessions.open(space, now());
    initsByRequest.put(request, session);
    reorder.setCapacity(session, init.clientBufferSize());
    clients.put(session, source);
    metrics.activeSessions(sessions.liveCount());
    log.append(LogCodec.OPEN, LogCodec.open(session, space));
    log.commit(() -> context.send(source, initAck(init, session)));
  }

  private InitAck initAck(Init init, SessionId session) {
    Capabilities capabilities = new Capabilities(100_000, dispatcher.queue().capacity(), options.dimension(),
        true, true);
    return new InitAck(init.requestId(), session, SpaceId.of(init.space()), 1, capabilities);
  }

  private void onFlowControl(NodeId source, FlowControl flow) {
    clients.put(flow.session(), source);
    sessions.onFlowControl(flow.session(), flow.action(), now())
        .ifPresent(state -> sendStatus(flow.session(), state.toStatus()));
  }

  private void onClose(NodeId source, Close close) {
    boolean wasDraining = sessions.find(close.session()).map(s -> s.state() == SessionState.DRAINING).orElse(false);
    Optional<SessionState> state = sessions.onClose(close.session(), close.drain(), now());
    if (state.isPresent()) {
      if (state.get() == SessionState.DRAINING && !wasDraining) {
        context.point("drain-start"); // admitted observations are in flight; CLOSED waits for them
      }
      metrics.activeSessions(sessions.liveCount());
      log.append(LogCodec.CLOSE, LogCodec.close(close.session()));
      log.commit(() -> { });
      if (state.get() == SessionState.CLOSED) {
        sendStatus(close.session(), state.get().toStatus());
      }
    }
  }

  private void expireIdleSessions() {
    List<SessionId> expired = sessions.expireIdle(now());
    if (!expired.isEmpty()) {
      context.trace("sessions-expired", expired.size() + " sessions");
      metrics.activeSessions(sessions.liveCount());
    }
    context.setTimer(idleCheckNanos, this::expireIdleSessions);
  }

  // ---- observations ----

  /** Handles an observation, then any held ones that it made next in line. */
  private void onObservation(NodeId source, Observation observation) {
    boolean admitted = handleObservation(source, observation);
    SessionId session = observation.session();
    while (admitted) {
      Optional<SessionInfo> info = sessions.find(session);
      ReorderBuffer.Held next = info.isPresent() ? reorder.takeNext(session, info.get().expectedSeq()) : null;
      if (next == null) {
        break;
      }
      admitted = handleObservation(next.source(), next.observation());
    }
  }

  /** Returns true when the observation was admitted. */
  private boolean handleObservation(NodeId source, Observation observation) {
    SessionId session = observation.session();
    Optional<String> problem = observation.validate(options.dimension());
    Optional<SessionInfo> info = sessions.find(session);
    if (problem.isEmpty() && info.isPresent() && !info.get().space().equals(observation.episode().spaceId())) {
      problem = Optional.of("episode space " + observation.episode().space() + " is not the session's space");
    }
    if (problem.isPresent()) {
      metrics.observationRejected(RejectReason.INVALID_INPUT);
      context.send(source, Ack.rejected(session, observation.seq(), RejectReason.INVALID_INPUT, 0, 0));
      return false;
    }
    metrics.observationReceived(observation.episode().spaceId(), observation.priority());
    clients.put(session, source);
    long forgotten = sessions.resumeAfter(session, observation.answeredThrough());
    if (forgotten > 0) { // docs/engine.md: a session restored from a cut log
      context.trace("session-resumed", session.value() + " expected #" + forgotten + ", but its client holds through #"
          + observation.answeredThrough() + " as ACCEPTED: those were lost");
    }
    checkExpectsNothingAnswered(session, observation.answeredThrough());
    ObservationDecision decision = sessions.onObservation(session, observation.seq(), now());
    switch (decision.kind()) {
      case ACCEPT:
        return admit(source, observation);
      case DUPLICATE:
        if (decision.durable()) { // a retransmission after a lost ACCEPTED: say it again
          context.send(source, Ack.accepted(session, observation.seq(), observation.episode().id()));
        } // else still in flight: its ACCEPTED goes out when it is durable
        return false;
      case GAP:
        if (reorder.hold(source, observation, decision.expectedSeq(), sweepRound)) {
          return false; // ahead of a gap that reordering will likely fill: wait for it
        }
        rejectAsGap(source, observation, decision.expectedSeq());
        return false;
      default:
        metrics.observationRejected(observation.episode().spaceId(), decision.rejectReason().orElseThrow());
        context.send(source, Ack.rejected(session, observation.seq(), decision.rejectReason().orElseThrow(), 0,
            decision.expectedSeq()));
        return false;
    }
  }

  /**
   * docs/decisions.md, "a session restored from a cut log": a session never waits for a number its
   * client already holds as ACCEPTED, since the client will never send it again. Restated here apart from
   * {@link SessionTable#resumeAfter}, so that a wrong resumption fails at the observation that
   * exposed it rather than as a silent stall 30 s later (a realistic off-by-one there, resuming only
   * when two or more were lost, escaped 1,000 swarm seeds as a liveness failure).
   */
  private void checkExpectsNothingAnswered(SessionId session, long answeredThrough) {
    long expected = sessions.expectedSeqOf(session); // 0: unknown, nothing to check
    if (expected > 0 && expected <= answeredThrough) { // a plain if: Check's varargs would box
      Check.that(false, "session %s expects #%d, which its client holds as ACCEPTED (through #%d)", session.value(),
          expected, answeredThrough);
    }
  }

  private void rejectAsGap(NodeId source, Observation observation, long expectedSeq) {
    metrics.observationRejected(observation.episode().spaceId(), RejectReason.SEQUENCE_GAP);
    context.send(source, Ack.rejected(observation.session(), observation.seq(), RejectReason.SEQUENCE_GAP, 0,
        expectedSeq));
  }

  /**
   * A hole held past the hold time is answered (its lowest held observation refused as a gap, so
   * the client resends from the hole); what waits {@link ReorderBuffer#GIVE_UP_FACTOR} hold times is
   * refused outright.
   */
  private void sweepReorderBuffer() {
    sweepRound++;
    long holdRounds = REORDER_HOLD_NANOS / REORDER_SWEEP_NANOS;
    for (ReorderBuffer.Held held : reorder.holesToAnswer(sweepRound, holdRounds)) {
      rejectHeldAsGap(held);
    }
    for (ReorderBuffer.Held held : reorder.expire(sweepRound, ReorderBuffer.GIVE_UP_FACTOR * holdRounds)) {
      rejectHeldAsGap(held);
    }
    context.setTimer(REORDER_SWEEP_NANOS, this::sweepReorderBuffer);
  }

  private void rejectHeldAsGap(ReorderBuffer.Held held) {
    Optional<SessionInfo> info = sessions.find(held.observation().session());
    rejectAsGap(held.source(), held.observation(), info.isPresent() ? info.get().expectedSeq() : 0);
  }

  private boolean admit(NodeId source, Observation observation) {
    SpaceLine line = line(observation.episode().spaceId());
    long lsn = log.nextLsn();
    StoredObservation stored = new StoredObservation(
        lsn, observation.session(), observation.seq(), observation.priority(), observation.episode());
    if (tracked.size() >= options.heldObservationsMax()) { // the budget: refuse, never evict what was acknowledged
      metrics.observationRejected(observation.episode().spaceId(), RejectReason.STORE_FULL);
      context.send(source, Ack.rejected(observation.session(), observation.seq(), RejectReason.STORE_FULL, 0,
          observation.seq()));
      return false;
    }
    Admission admission = dispatcher.offer(stored, line, now());
    if (!admission.isAdmitted()) { // refused, never dropped: the client retries after this long
      metrics.observationRejected(observation.episode().spaceId(), RejectReason.OVER_CAPACITY);
      context.send(source, Ack.rejected(observation.session(), observation.seq(), RejectReason.OVER_CAPACITY,
          admission.retryAfterNanos(), observation.seq()));
      return false;
    }
    sessions.admit(observation.session(), observation.seq());
    long appended = log.append(LogCodec.OBSERVATION, LogCodec.observation(
        observation.session(), observation.seq(), observation.priority(), observation.episode()));
    Check.that(appended == lsn, "log sequence moved under the handler: %d != %d", appended, lsn);
    tracked.put(lsn, new Tracked(stored, now()));
    if (ackBeforeSync) {
      acknowledge(source, stored);
    }
    commit(lsn);
    dispatcher.dispatch(now());
    maybeCompact();
    return true;
  }

  private void commit(long lsn) {
    if (context.buggify(EngineSite.SLOW_SYNC)) {
      context.setTimer(context.random("slow-sync").nextLong(1_000_000, 50_000_000), () -> log.commit(() -> durable(lsn)));
    } else {
      log.commit(() -> durable(lsn));
    }
  }

  /**
   * A commit for {@code lsn} completed, so every record appended before it is durable too: durability
   * is a watermark over the log, not a property of one callback. (A commit request held back by
   * {@link EngineSite#SLOW_SYNC} completes after later ones; marking per callback would mark seq n+1
   * durable before seq n, and break the session's order.)
   */
  private void durable(long lsn) {
    if (lsn <= durableThroughLsn) {
      return;
    }
    for (Tracked progress : tracked.subMap(durableThroughLsn, false, lsn, true).values()) {
      if (!progress.durable) {
        markDurable(progress);
      }
    }
    durableThroughLsn = lsn;
  }

  private void markDurable(Tracked progress) {
    progress.durable = true;
    StoredObservation stored = progress.observation;
    boolean drainedAndClosed = sessions.markDurable(stored.session(), stored.seq());
    NodeId client = clients.get(stored.session());
    if (!ackBeforeSync) {
      acknowledge(client, stored);
    }
    if (progress.receivedAtNanos != 0) { // recovered observations were acknowledged in an earlier life
      metrics.observationLatencySince(stored.episode().spaceId(), progress.receivedAtNanos);
    }
    sendIndexedIfReady(progress);
    if (drainedAndClosed) {
      context.point("drain-end");
      sendStatus(stored.session(), SessionStatus.CLOSED);
    }
  }

  /**
   * Sends ACCEPTED for a newly stored observation. Guarantee 1 (docs/engine.md) is checked here, at
   * the one place it could break, not seconds later by an oracle: an observation is acknowledged only
   * once its record is durable, i.e. below the log's durable end.
   */
  private void acknowledge(NodeId client, StoredObservation stored) {
    if (stored.lsn() >= log.durableLsn()) { // a plain if: Check's varargs would box on every acknowledgement
      throw new AssertionError(String.format(java.util.Locale.ROOT,
          "ACCEPTED %s #%d, but its record %d is not durable (durable below %d)", stored.session().value(),
          stored.seq(), stored.lsn(), log.durableLsn()));
    }
    context.send(client, Ack.accepted(stored.session(), stored.seq(), stored.episode().id()));
  }

  /**
   * A worker reported the batch that held {@code observation} done. INDEXED promises "visible to
   * recall", so the report is checked against the space's index itself, not taken on trust: a report
   * that runs ahead of the insert it reports fails here. Here, not when INDEXED goes out (which may
   * wait for durability): only now, with the batch back and the next one not yet sent, is the index
   * the server's to read. The planted steal-single-items sends a space's items while its batch is
   * out; then the index is a worker's even now, the check is not made, and the ordering check
   * catches that bug as the user would meet it.
   */
  @Override
  public void indexed(SpaceLine line, StoredObservation observation) {
    Tracked progress = tracked.get(observation.lsn());
    if (progress == null) {
      return;
    }
    if (line.batchesOut == 0 && !line.atHome().index().contains(observation.lsn())) {
      throw new AssertionError(String.format(java.util.Locale.ROOT,
          "a worker reported %s #%d indexed, but its space's index does not hold its record %d",
          observation.session().value(), observation.seq(), observation.lsn()));
    }
    progress.indexed = true;
    sendIndexedIfReady(progress);
  }

  /** Sends INDEXED once an observation is both durable and indexed. */
  private void sendIndexedIfReady(Tracked progress) {
    if (progress.durable && progress.indexed && !progress.indexedAckSent) {
      progress.indexedAckSent = true;
      StoredObservation stored = progress.observation;
      context.send(clients.get(stored.session()), Ack.indexed(stored.session(), stored.seq(), stored.episode().id()));
    }
  }

  // ---- recall, status, compaction ----

  private void onRecall(NodeId source, Recall recall) {
    Optional<String> problem = recall.validate(options.dimension());
    if (problem.isPresent()) {
      context.send(source, RecallBatch.rejected(recall.requestId(), RejectReason.INVALID_INPUT));
      return;
    }
    SpaceLine line = dispatcher.existingLine(SpaceId.of(recall.space()));
    if (line == null) {
      context.send(source, new RecallBatch(recall.requestId(), 0, List.of(), false, 0, null));
      return;
    }
    long generation = recall.snapshot() ? line.visibleGeneration : Long.MAX_VALUE;
    line.recallsOut++;
    context.send(workers.id(line.owner),
        new WorkerMessages.RecallQuery(recall, source, line.handedToWorker(), generation, now()));
  }

  @Override
  public void pressureChanged(PressureState state) {
    context.trace("pressure", state.name());
    for (SpaceLine line : dispatcher.lines()) {
      metrics.backpressureState(line.space(), state);
      if (state.level() > lastPressure.level() && state.level() >= PressureState.CRITICAL.level()) {
        metrics.backpressureActivated(line.space(), state);
      }
    }
    lastPressure = state;
    Runnable notify = () -> announce(state.toStatus());
    if (context.buggify(EngineSite.DELAYED_STATUS)) {
      context.setTimer(20_000_000L, notify);
    } else {
      notify.run();
    }
    if (state == PressureState.CRITICAL && !backpressureRenewalPending) {
      backpressureRenewalPending = true;
      context.setTimer(Status.BACKPRESSURE_RENEW_NANOS, this::renewBackpressure);
    }
  }

  /** Sends {@code status} to every active session. */
  private void announce(SessionStatus status) {
    for (Map.Entry<SessionId, NodeId> client : clients.entrySet()) {
      Optional<SessionInfo> info = sessions.find(client.getKey());
      if (info.isPresent() && info.get().state() == SessionState.ACTIVE) {
        sendStatus(client.getKey(), status);
      }
    }
  }

  /**
   * BACKPRESSURE is a lease (see {@link Status}): repeated while the queue stays CRITICAL, so that
   * clients keep their lowered rate, and not after, so that a client that missed the ACTIVE, or
   * heard an older BACKPRESSURE after it, or was throttled before a crash, returns to its rate.
   */
  private void renewBackpressure() {
    backpressureRenewalPending = false;
    if (lastPressure == PressureState.CRITICAL) {
      announce(SessionStatus.BACKPRESSURE);
      backpressureRenewalPending = true;
      context.setTimer(Status.BACKPRESSURE_RENEW_NANOS, this::renewBackpressure);
    }
  }

  private void sendStatus(SessionId session, SessionStatus status) {
    NodeId client = clients.get(session);
    if (client != null) {
      context.send(client, new Status(session, status, dispatcher.queue().depth(), dispatcher.queue().capacity()));
    }
  }

  /**
   * Compacts once the log since the last snapshot is both past the configured count and at least as
   * long as that snapshot: a snapshot holds every observation, so compacting at a fixed count made
   * the total work quadratic in the observations held (a profile of the real runtime found it
   * taking a quarter of the server thread at 10,000/s). Growth-triggered, it stays linear, as a
   * log-structured store's rewrite does.
   */
  private void maybeCompact() {
    recordsSinceCompaction++;
    // Asked once every EARLY_COMPACTION_RECORDS, not per record: a site that fires a quarter of the
    // times it is asked would otherwise compact every few records, quadratic in what is held.
    boolean early = recordsSinceCompaction % EARLY_COMPACTION_RECORDS == 0 && !log.isCompacting()
        && context.buggify(EngineSite.EARLY_COMPACTION);
    if (!early && (recordsSinceCompaction < Math.max(options.compactAfterRecords(), lastSnapshotObservations)
        || log.isCompacting())) {
      return;
    }
    recordsSinceCompaction = 0;
    lastSnapshotObservations = tracked.size();
    List<StoredObservation> all = new ArrayList<>(tracked.size());
    for (Tracked progress : tracked.values()) {
      all.add(progress.observation);
    }
    List<LogCodec.SessionEntry> entries = new ArrayList<>();
    sessions.snapshot().sessions().forEach(s -> entries.add(new LogCodec.SessionEntry(s.id(), s.space(), s.closed())));
    LogCodec.Snapshot snapshot = new LogCodec.Snapshot(sessions.snapshot().nextSessionNumber(), entries, all);
    context.trace("compaction", all.size() + " observations");
    context.point("compaction-start");
    log.compact(out -> LogCodec.writeSnapshot(snapshot, out), () -> context.trace("compacted", "snapshot installed"));
  }

  // ---- inspection, for tests and validators (read between events, never from a handler) ----

  /** An observation the engine holds: where it is in the log, and whether it is durable and visible. */
  public record Held(long lsn, String memoryId, SessionId session, long seq, boolean durable, boolean indexed,
      long generation) {}

  /** Every observation of {@code space} the engine holds, in acceptance (log) order. */
  public List<Held> held(SpaceId space) {
    SpaceLine line = dispatcher.existingLine(space);
    List<Held> held = new ArrayList<>();
    for (Tracked progress : tracked.values()) {
      StoredObservation stored = progress.observation;
      if (line != null && stored.episode().spaceId().equals(space)) {
        HnswIndex index = line.inspected();
        long generation = index.contains(stored.lsn()) ? index.generationOf(stored.lsn()) : 0;
        held.add(new Held(stored.lsn(), stored.episode().id(), stored.session(), stored.seq(), progress.durable,
            progress.indexed, generation));
      }
    }
    return held;
  }

  /**
   * The observations this server has acknowledged that recovery from {@code durableImage} would not
   * bring back, by memory id: guarantee 1 asked of what the disk holds durably at this instant (a
   * copy, {@code Simulation.durableImage}), whether or not a crash lands here. Recovery runs on the
   * copy alone, with this server's planted bugs and log options; nothing of this server changes.
   */
  public List<String> acknowledgedMissingFrom(Disk durableImage) {
    List<StoredObservation> recovered = recoveredFrom(durableImage);
    long[] lsns = new long[recovered.size()];
    for (int i = 0; i < lsns.length; i++) {
      lsns[i] = recovered.get(i).lsn();
    }
    Arrays.sort(lsns);
    List<String> missing = new ArrayList<>();
    for (Tracked progress : tracked.values()) {
      if (progress.durable && Arrays.binarySearch(lsns, progress.observation.lsn()) < 0) {
        missing.add(progress.observation.episode().id());
      }
    }
    return missing;
  }

  /**
   * The memory ids that recovery from {@code durableImage} would bring back, in recovery order:
   * what a crash at this instant would leave, for a check that an ACCEPTED about to go out is
   * covered by it. Recovery runs on the copy alone, as {@link #acknowledgedMissingFrom} does;
   * nothing of this server changes.
   */
  public List<String> recoverableIds(Disk durableImage) {
    List<StoredObservation> recovered = recoveredFrom(durableImage);
    List<String> ids = new ArrayList<>(recovered.size());
    for (StoredObservation observation : recovered) {
      ids.add(observation.episode().id());
    }
    return ids;
  }

  /** What recovery brings back from a copy of the disk, with this server's planted bugs and log options. */
  private List<StoredObservation> recoveredFrom(Disk durableImage) {
    return EngineRecovery.run(durableImage, planted, walOptions).observations();
  }

  /** The episode held under {@code lsn} (the one its snapshots write), or null: for tests. */
  Episode heldEpisode(long lsn) {
    Tracked progress = tracked.get(lsn);
    return progress == null ? null : progress.observation.episode();
  }

  /** The spaces the engine knows, sorted. */
  public List<SpaceId> spaces() {
    List<SpaceId> spaces = new ArrayList<>();
    dispatcher.lines().forEach(line -> spaces.add(line.space()));
    return spaces;
  }

  /** The HNSW index of a space (for integrity checks), or null. */
  public HnswIndex index(SpaceId space) {
    SpaceLine line = dispatcher.existingLine(space);
    return line == null ? null : line.inspected();
  }

  /** The engine's metrics as they stand. */
  public MetricsSnapshot metrics() {
    return metrics.snapshot();
  }

  public int queueDepth() {
    return dispatcher.queue().depth();
  }

  public int queueCapacity() {
    return dispatcher.queue().capacity();
  }

  /** Observations admitted and not yet indexed: queued, staged for a worker, or in a batch that is out. */
  public int heldUnindexed() {
    return dispatcher.held();
  }

  /** The most {@link #heldUnindexed} may be: the queue's capacity plus the workers' dispatch window. */
  public int heldBound() {
    return dispatcher.heldBound();
  }

  public long recoveredObservations() {
    return recoveredObservations;
  }

  public long workerRestarts() {
    return workers.restarts();
  }

  public long spacesStolen() {
    return dispatcher.stolen();
  }

  public long logSyncs() {
    return log.stats().syncs();
  }

  public long logRecords() {
    return log.stats().records();
  }

  // ---- helpers ----

  private SpaceLine line(SpaceId space) {
    return dispatcher.line(space, s -> new SpaceIndex(s, new HnswIndex(options.hnsw(),
        context.random("hnsw/" + s.value()), planted), planted));
  }

  private long now() {
    return context.clock().nowNanos();
  }
}
