package io.detsim.engine.client;

import io.detsim.engine.planted.EngineMutant;
import io.detsim.engine.protocol.Ack;
import io.detsim.engine.protocol.InitAck;
import io.detsim.engine.protocol.Observation;
import io.detsim.engine.protocol.RecallBatch;
import io.detsim.engine.protocol.RejectReason;
import io.detsim.engine.protocol.SessionId;
import io.detsim.engine.protocol.SessionStatus;
import io.detsim.engine.protocol.Status;
import io.detsim.sim.port.Node;
import io.detsim.sim.port.NodeContext;
import io.detsim.sim.port.NodeId;
import io.detsim.sim.port.RandomSource;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * A client of the streaming engine: opens a session, streams N observations at a target rate with
 * a bounded window, and keeps at it through every fault the network and the server's overload
 * control throw at it, until each observation is ACCEPTED or finally REJECTED (docs/engine.md
 * guarantee 2). Everything it saw is in its {@link ClientView}, for validators.
 *
 * <p><b>Fault model.</b> Messages both ways may be lost, duplicated, delayed and reordered; the
 * server may be overloaded, may restart and forget sessions that were not durable, and its sessions
 * may expire. The client's answers: Init is retried until an InitAck with its request id comes
 * back; each observation is retried with exponential backoff (see {@link SendWindow}); a gap or an
 * expired session makes it go back to the number the server expects; OVER_CAPACITY and OVERLOADED
 * make it wait (at least the retry-after, at least its own overload backoff); BACKPRESSURE halves
 * its rate until ACTIVE comes or the server stops renewing it (see {@link RatePacer}); an unknown or closed session, or an observation refused as
 * invalid or because the store is full (STORE_FULL: REJECTED for good, never retried), makes it
 * open a new session and start its sequence again there with the first observation not yet ACCEPTED. Every answer is matched by (session, seq), a pair that names one
 * observation for ever, so late and duplicated answers change nothing they should not.
 *
 * <p>Out of scope: the client's own crash (it keeps nothing on disk; see {@link ClientView}), and
 * pausing its own session (it never sends PAUSE; a SESSION_PAUSED answer is waited out).
 */
public final class StreamingClient implements Node {
  private enum Phase {
    /** Waiting for an InitAck; nothing is streamed. */
    INITIALIZING,
    STREAMING,
    /** Every observation has its final outcome: the client only records late answers now. */
    FINISHED
  }

  private final NodeContext context;
  private final ClientOptions options;
  private final RandomSource random;
  private final ClientView view;
  private final EpisodeSource episodes;
  private final SendWindow window;
  private final RatePacer pacer;
  private final RecallProber prober;
  private final Handshake handshake;
  private Phase phase = Phase.INITIALIZING;
  private long nextRequestId = 1;
  private SessionRecord current;
  private long generated;
  private int waitsPending;
  private long overloadBackoffNanos;
  /** Why the current session was stopped ({@link #stopSession}); the new session is opened for it. */
  private SessionRecord.Cause stoppedBecause;

  public StreamingClient(NodeContext context, ClientOptions options) {
    this.context = Objects.requireNonNull(context, "context");
    this.options = Objects.requireNonNull(options, "options");
    this.random = context.random("client");
    String name = context.self().name();
    this.view = new ClientView(name, options.observationsTotal(), options.ratePerSecond());
    this.episodes = new EpisodeSource(name, options.space(), options.dimension(), random, context.clock());
    this.window = new SendWindow(context, options, random, view, this::transmit);
    this.pacer = new RatePacer(context, options, context.planted(EngineMutant.LEASE_NEVER_ARMED), this::pump,
        view::setRatePerSecond);
    this.prober = new RecallProber(context, options, view, episodes, () -> nextRequestId++,
        () -> phase == Phase.STREAMING ? window.session() : null);
    this.handshake = new Handshake(context, options, random, view, () -> nextRequestId++);
    this.overloadBackoffNanos = options.retryTimeoutNanos();
  }

  public ClientOptions options() {
    return options;
  }

  /** What this client saw so far; live, read-only. */
  public ClientView view() {
    return view;
  }

  /** True once every observation is ACCEPTED or finally REJECTED. */
  public boolean isDone() {
    return view.isDone();
  }

  @Override
  public void onStart() {
    prober.start();
    if (view.isDone()) {
      finish();
      return;
    }
    startInit(SessionRecord.Cause.START);
  }

  @Override
  public void onMessage(NodeId source, Object message) {
    if (!source.process().equals(options.server().process())) {
      view.addAnomaly("message from " + source + ", not the server");
      return;
    }
    if (message instanceof Ack ack) {
      onAck(ack);
    } else if (message instanceof InitAck initAck) {
      onInitAck(initAck);
    } else if (message instanceof Status status) {
      onStatus(status);
    } else if (message instanceof RecallBatch batch) {
      prober.onRecallBatch(batch);
    } else {
      view.addAnomaly("unexpected message " + message.getClass().getSimpleName());
    }
  }

  // ---- sessions ----

  private void startInit(SessionRecord.Cause cause) {
    phase = Phase.INITIALIZING;
    handshake.open(cause);
  }

  private void onInitAck(InitAck ack) {
    if (phase != Phase.INITIALIZING || !handshake.isAnsweredBy(ack)) {
      return; // a duplicate, or the answer to an earlier attempt
    }
    SessionRecord.Cause cause = handshake.cause();
    current = new SessionRecord(ack.session(), ack.requestId(), cause, context.clock().nowNanos(), ack.nextSeq());
    view.addSession(current);
    window.open(ack.session(), ack.nextSeq());
    if (waitsPending > 0) {
      window.hold();
    }
    phase = Phase.STREAMING;
    context.trace("init-acked", ack.session().value() + " req=" + ack.requestId() + " next=" + ack.nextSeq()
        + " cause=" + cause.name());
    // A new session starts its sequence with the first observation not yet ACCEPTED; they go
    // out at the send rate, not in a burst that the network would reorder.
    for (ObservationRecord record : view.observations()) {
      if (!record.isFinal()) {
        assign(record, /* sendNow= */ false);
      }
    }
    pump();
  }

  /** The server cannot go on with this session: open a new one and move what is pending there. */
  private void reopen(SessionRecord.Cause cause) {
    window.close();
    context.trace("reinit", current.session().value() + " cause=" + cause.name());
    startInit(cause);
  }

  private boolean isCurrent(SessionId session) {
    return phase == Phase.STREAMING && session.equals(window.session());
  }

  // ---- streaming ----

  /** Sends new observations while the rate, the window and any overload wait allow. */
  private void pump() {
    if (phase != Phase.STREAMING || waitsPending > 0) {
      return;
    }
    while (pacer.hasCredit()) {
      if (window.resendNext()) {
        pacer.consume(); // resends waiting for their turn go first, at the same pace as new ones
        continue;
      }
      if (generated >= options.observationsTotal() || !window.hasRoom()) {
        return;
      }
      generated++;
      ObservationRecord record = new ObservationRecord(generated, episodes.episode(generated),
          options.priorityMix().draw(random));
      view.addObservation(record);
      pacer.consume();
      assign(record, /* sendNow= */ true);
      if (generated == options.observationsTotal() && options.close() == ClosePolicy.AFTER_LAST_SEND) {
        context.trace("close-early", current.session().value() + " after #" + generated);
        handshake.close(current); // earlier observations are still in flight: the server drains them
      }
    }
  }

  private void assign(ObservationRecord record, boolean sendNow) {
    long seq = window.nextSeq();
    record.assign(window.session(), seq);
    current.put(seq, record);
    window.add(seq, record, sendNow);
  }

  private void transmit(SessionId session, long seq, ObservationRecord record) {
    view.countSent(record.sendCount() > 0);
    record.markSent(context.clock().nowNanos());
    context.send(options.server(), new Observation(session, seq, record.priority(), record.episode(),
        Math.min(window.answeredThrough(), seq - 1)));
  }

  // ---- acknowledgements ----

  private void onAck(Ack ack) {
    SessionRecord session = view.sessionRecord(ack.session());
    ObservationRecord record = session == null ? null : session.at(ack.seq());
    if (record == null) {
      view.addAnomaly("ack for " + ack.session().value() + "#" + ack.seq() + ", never sent");
      return;
    }
    switch (ack.outcome()) {
      case ACCEPTED:
        onAccepted(ack, record);
        break;
      case INDEXED:
        if (hasMemoryIdOf(ack, record) && record.markIndexed(context.clock().nowNanos(), view.indexedCount() + 1)) {
          view.countIndexed();
        }
        break;
      default:
        onRejected(ack, record);
        break;
    }
  }

  private void onAccepted(Ack ack, ObservationRecord record) {
    if (!hasMemoryIdOf(ack, record)) {
      return;
    }
    if (record.outcome() == ObservationRecord.Outcome.REJECTED) {
      view.addAnomaly("ACCEPTED " + describe(ack) + " after it was refused as " + record.finalReason());
      return;
    }
    if (record.markAccepted(new ObservationRecord.Assignment(ack.session(), ack.seq()), context.clock().nowNanos())) {
      view.countAccepted();
      if (waitsPending == 0) {
        overloadBackoffNanos = options.retryTimeoutNanos(); // progress after a wait: the overload is over
      }
    }
    if (isCurrent(ack.session())) {
      window.accepted(ack.seq());
      if (!view.isDone() && window.hasOnlyUnadmittedLeft()) {
        reopen(stoppedBecause); // the last retry in a stopped session got its answer
        return;
      }
    }
    settle();
  }

  private void onRejected(Ack ack, ObservationRecord record) {
    RejectReason reason = ack.reason();
    record.countRejection(reason);
    view.countRejection(reason);
    if (!isCurrent(ack.session()) || !window.isUnanswered(ack.seq())) {
      return; // stale: for an old session, or for an observation answered for good already
    }
    switch (reason) {
      case OVER_CAPACITY:
        waitOut(ack.retryAfterNanos(), "over-capacity");
        break;
      case SESSION_PAUSED:
      case SHUTTING_DOWN:
        waitOut(0, reason.name().toLowerCase(Locale.ROOT));
        break;
      case SEQUENCE_GAP:
      case SESSION_EXPIRED:
        onGap(ack);
        break;
      case SESSION_UNKNOWN:
        reopen(SessionRecord.Cause.SESSION_UNKNOWN);
        break;
      case SESSION_CLOSED:
        stopSession(ack.expectedSeq() > 0 ? ack.expectedSeq() : ack.seq(), SessionRecord.Cause.SESSION_CLOSED);
        break;
      case INVALID_INPUT:
      case STORE_FULL:
        refuseForGood(ack, record);
        break;
      default:
        throw new AssertionError("unhandled reject reason " + reason);
    }
  }

  /**
   * INVALID_INPUT or STORE_FULL: retrying cannot help (a full store stays full until an operator
   * raises its budget), so the observation is REJECTED for good. Its number stays free, so the
   * session cannot go on: the observations after it go to a new session, once those before it (which
   * the server may hold, their ACCEPTED still on the way) are answered in this one.
   */
  private void refuseForGood(Ack ack, ObservationRecord record) {
    window.remove(ack.seq());
    if (record.outcome() == ObservationRecord.Outcome.PENDING) {
      record.markRejected(ack.reason());
      view.countFinallyRejected();
    } else {
      view.addAnomaly(ack.reason() + " " + describe(ack) + " for an observation already " + record.outcome());
    }
    if (view.isDone()) {
      finish();
    } else {
      stopSession(ack.seq(), ack.reason() == RejectReason.STORE_FULL ? SessionRecord.Cause.STORE_FULL
          : SessionRecord.Cause.INVALID_INPUT);
    }
  }

  /**
   * The current session takes nothing from {@code notAdmittedFrom} on. What is left from there moves
   * to a new session (opened for {@code cause}) as soon as every lower observation is answered: at
   * once, or at the ACCEPTED of the last one, whose retries stay in this session.
   */
  private void stopSession(long notAdmittedFrom, SessionRecord.Cause cause) {
    stoppedBecause = cause;
    if (window.stopAt(notAdmittedFrom)) {
      reopen(cause);
    }
  }

  private void onGap(Ack ack) {
    if (ack.expectedSeq() > window.nextSeq()) {
      view.addAnomaly(ack.reason() + " " + describe(ack) + " expects " + ack.expectedSeq() + ", beyond the last sent");
      return;
    }
    if (window.refused(ack.seq(), ack.expectedSeq())) {
      pacer.slowDownForGap();
    }
    pump();
  }

  private boolean hasMemoryIdOf(Ack ack, ObservationRecord record) {
    if (record.episodeId().equals(ack.memoryId())) {
      return true;
    }
    view.addAnomaly(ack.outcome() + " " + describe(ack) + " names memory " + ack.memoryId() + ", sent "
        + record.episodeId());
    return false;
  }

  private static String describe(Ack ack) {
    return ack.session().value() + "#" + ack.seq();
  }

  // ---- overload and flow ----

  private void onStatus(Status status) {
    view.countStatus(status.status());
    if (phase == Phase.FINISHED) {
      if (status.status() == SessionStatus.CLOSED) {
        view.session(status.session()).ifPresent(handshake::onClosed);
      }
      return;
    }
    if (!isCurrent(status.session())) {
      return;
    }
    switch (status.status()) {
      case BACKPRESSURE:
        if (pacer.slowDown()) { // a renewal only extends the episode's lease
          context.trace("backpressure", status.session().value() + " rate=" + pacer.ratePerSecond());
        }
        break;
      case ACTIVE:
        pacer.restore();
        break;
      case OVERLOADED:
        waitOut(0, "overloaded");
        break;
      case CLOSED:
        current.markClosed();
        stopSession(window.nextSeq(), SessionRecord.Cause.SESSION_CLOSED);
        break;
      default:
        break; // PAUSED and ERROR are recorded in the view; the retries carry on
    }
  }

  /**
   * Stops sending (new observations and retries) for the longer of {@code retryAfterNanos} and the
   * overload backoff, plus jitter. Waits overlap: each refusal starts its own, and sending resumes
   * when the last one ends, so every retry-after the server gave is honoured. The backoff doubles
   * after every wait and drops back to the retry timeout once something is ACCEPTED outside a wait,
   * so a server that stays overloaded sees the client back off exponentially.
   */
  private void waitOut(long retryAfterNanos, String why) {
    long wait = Backoff.jittered(Math.max(retryAfterNanos, overloadBackoffNanos), options.retryJitter(), random);
    if (waitsPending++ == 0) {
      window.hold();
      view.countPause();
      context.trace("overloaded-wait", why + " waitNanos=" + wait);
    }
    context.setTimer(wait, this::waitEnded);
  }

  private void waitEnded() {
    if (--waitsPending > 0 || phase == Phase.FINISHED) {
      return;
    }
    overloadBackoffNanos = Backoff.doubled(overloadBackoffNanos, options.retryTimeoutMaxNanos());
    if (phase == Phase.STREAMING) {
      window.release();
      pump();
    }
  }

  // ---- the end ----

  /** After any answer: send what the window now allows, or finish. */
  private void settle() {
    if (view.isDone()) {
      finish();
    } else {
      pump();
    }
  }

  private void finish() {
    if (phase == Phase.FINISHED) {
      return;
    }
    phase = Phase.FINISHED;
    List<ObservationRecord> left = window.close();
    pacer.stop();
    handshake.stop();
    prober.stop();
    context.trace("done", "accepted=" + view.acceptedCount() + " rejected=" + view.finallyRejectedCount()
        + " sessions=" + view.sessions().size() + " unanswered=" + left.size());
    if (options.close() != ClosePolicy.NEVER && current != null) {
      handshake.close(current);
    }
  }
}
