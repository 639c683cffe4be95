package io.detsim.engine.client;

import io.detsim.engine.protocol.Close;
import io.detsim.engine.protocol.Init;
import io.detsim.engine.protocol.InitAck;
import io.detsim.sim.port.NodeContext;
import io.detsim.sim.port.RandomSource;
import java.util.function.LongSupplier;

/**
 * Opening and closing sessions, each retried until the server answers.
 *
 * <p>Init is resent with the <i>same</i> request id (a server may use it to open one session for
 * all copies), with exponential backoff and jitter, until an InitAck that echoes that id arrives;
 * an InitAck with any other id (a duplicate, or an answer to an Init of an earlier attempt) is not
 * the answer. Close (with drain) is resent a few times until the server reports the session CLOSED;
 * after that many attempts the client stops, since it has nothing left that depends on the answer.
 */
final class Handshake {
  static final int CLOSE_ATTEMPTS_MAX = 5;

  private final NodeContext context;
  private final ClientOptions options;
  private final RandomSource random;
  private final ClientView view;
  private final LongSupplier requestIds;
  private long requestId;
  private SessionRecord.Cause cause;
  private boolean waiting;
  private long backoffNanos;
  private long timer = Timers.NONE;
  private SessionRecord closing;
  private int closeAttempts;

  Handshake(NodeContext context, ClientOptions options, RandomSource random, ClientView view, LongSupplier requestIds) {
    this.context = context;
    this.options = options;
    this.random = random;
    this.view = view;
    this.requestIds = requestIds;
  }

  /** Starts opening a session (a new request id); earlier attempts' answers no longer count. */
  void open(SessionRecord.Cause why) {
    stopTimer();
    requestId = requestIds.getAsLong();
    cause = why;
    waiting = true;
    backoffNanos = options.initRetryTimeoutNanos();
    sendInit();
  }

  /** True, once, for the InitAck that answers the current attempt; retries stop then. */
  boolean isAnsweredBy(InitAck ack) {
    if (!waiting || ack.requestId() != requestId) {
      return false;
    }
    waiting = false;
    stopTimer();
    return true;
  }

  /** Why the session being opened (or last opened) was needed. */
  SessionRecord.Cause cause() {
    return cause;
  }

  /**
   * Sends Close with drain for {@code session}, retried until it is reported CLOSED; a client may
   * close a second session later, which gets attempts of its own.
   */
  void close(SessionRecord session) {
    waiting = false;
    stopTimer();
    closing = session;
    closeAttempts = 0;
    backoffNanos = options.retryTimeoutNanos();
    sendClose();
  }

  /** The server reported a session CLOSED. */
  void onClosed(SessionRecord session) {
    session.markClosed();
    if (session == closing) {
      stopTimer();
    }
  }

  void stop() {
    waiting = false;
    stopTimer();
  }

  private void sendInit() {
    timer = Timers.NONE;
    view.countInitSent();
    context.send(options.server(), new Init(requestId, options.space(), options.windowMax(),
        /* enableBackpressure= */ true, /* maxBatchSize= */ 0));
    armRetry(this::sendInit);
  }

  private void sendClose() {
    timer = Timers.NONE;
    if (closing.isClosed() || closeAttempts >= CLOSE_ATTEMPTS_MAX) {
      return;
    }
    closeAttempts++;
    context.send(options.server(), new Close(closing.session(), /* drain= */ true, closing.lastSeq()));
    armRetry(this::sendClose);
  }

  private void armRetry(Runnable resend) {
    long delay = Backoff.jittered(backoffNanos, options.retryJitter(), random);
    backoffNanos = Backoff.doubled(backoffNanos, options.retryTimeoutMaxNanos());
    timer = context.setTimer(delay, resend);
  }

  private void stopTimer() {
    if (timer != Timers.NONE) {
      context.cancelTimer(timer);
      timer = Timers.NONE;
    }
  }
}
