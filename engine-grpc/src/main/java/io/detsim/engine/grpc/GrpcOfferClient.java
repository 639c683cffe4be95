package io.detsim.engine.grpc;

import io.detsim.engine.grpc.wire.Ack;
import io.detsim.engine.grpc.wire.AckOutcome;
import io.detsim.engine.grpc.wire.ClientFrame;
import io.detsim.engine.grpc.wire.Close;
import io.detsim.engine.grpc.wire.EngineGrpc;
import io.detsim.engine.grpc.wire.Init;
import io.detsim.engine.grpc.wire.Observation;
import io.detsim.engine.grpc.wire.ServerFrame;
import io.detsim.engine.protocol.RejectReason;
import io.detsim.engine.real.OfferResult;
import io.grpc.ManagedChannel;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import io.grpc.stub.StreamObserver;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A Java client of the engine's Session stream, with the embedded engine's offer API: one
 * bidirectional session stream per memory space, opened by {@link #connect}, and
 * {@link #offer} answering each observation through a future with the same {@link OfferResult} the
 * embedded engine gives. The gRPC types stay in this module: a caller sees only detsim's.
 *
 * <p>It honours retry-after the way the embedded engine's edge does ({@code OfferGate}): once an
 * observation is refused with OVER_CAPACITY and a retry-after, every offer is refused here, at once
 * and without touching the wire, for that retry-after but at most {@link #CLOSE_MAX_NANOS}; and an
 * offer beyond the window the server granted the session is refused here too, as the server would.
 * Nothing is retried: the caller decides what to do with a refusal. An offer whose stream breaks
 * before its Ack has its future failed; no future is left unanswered once the stream ends.
 *
 * <p>{@link #offer} may be called from one thread per space at a time (a space's sequence numbers are
 * that thread's order); the futures complete on the transport's threads, so their callbacks must be quick.
 */
public final class GrpcOfferClient implements AutoCloseable {
  /** The longest a refusal closes this client's edge, as the embedded engine's {@code OfferGate.CLOSE_MAX_NANOS}. */
  public static final long CLOSE_MAX_NANOS = 100_000_000L;
  /** Session streams one connection carries, under the server's default of 64. */
  static final int STREAMS_PER_CHANNEL = 32;
  private static final long CLOSE_WAIT_SECONDS = 30;

  private final List<ManagedChannel> channels;
  private final Map<String, SessionStream> sessions;
  private final AtomicLong closedUntilNanos = new AtomicLong(System.nanoTime());
  private final String idPrefix = "w" + Long.toHexString(System.currentTimeMillis()) + "-";

  private GrpcOfferClient(List<ManagedChannel> channels, Map<String, SessionStream> sessions) {
    this.channels = channels;
    this.sessions = sessions;
  }

  /**
   * Connects in plaintext to {@code host:port} and opens one session for each of {@code spaces},
   * waiting up to {@code timeout} for every InitAck.
   *
   * @throws IllegalStateException when a session could not be opened in time (the server said why, or said nothing)
   */
  public static GrpcOfferClient connect(String host, int port, List<String> spaces, Duration timeout)
      throws InterruptedException {
    List<ManagedChannel> channels = new ArrayList<>();
    Map<String, SessionStream> sessions = new LinkedHashMap<>();
    GrpcOfferClient client = new GrpcOfferClient(channels, sessions);
    try {
      for (String space : spaces) {
        if (sessions.size() % STREAMS_PER_CHANNEL == 0) {
          // Answers are handled on the transport's event loop: they only complete futures.
          channels.add(NettyChannelBuilder.forAddress(host, port).usePlaintext().directExecutor().build());
        }
        SessionStream session = new SessionStream(client, space);
        session.out = EngineGrpc.newStub(channels.get(channels.size() - 1)).session(session);
        session.send(ClientFrame.newBuilder().setInit(Init.newBuilder().setSpace(space)).build());
        sessions.put(space, session);
      }
      long deadline = System.nanoTime() + timeout.toNanos();
      for (SessionStream session : sessions.values()) {
        session.opened.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
      }
      return client;
    } catch (ExecutionException | TimeoutException | RuntimeException e) {
      client.shutdownNow();
      Throwable cause = e instanceof ExecutionException ? e.getCause() : e;
      throw new IllegalStateException("could not open a session on " + host + ":" + port + ": " + cause, cause);
    } catch (InterruptedException e) {
      client.shutdownNow();
      throw e;
    }
  }

  /**
   * Offers one observation at NORMAL priority to {@code space}, one of those given to
   * {@link #connect}, with an id this client makes up. Returns at once; the future completes with
   * the server's ACCEPTED or REJECTED, or with this client's own OVER_CAPACITY refusal, or fails when
   * the stream broke before the answer came.
   */
  public CompletableFuture<OfferResult> offer(String space, float[] embedding, String content) {
    SessionStream session = sessions.get(space);
    if (session == null) {
      throw new IllegalArgumentException("no session on space '" + space + "': connect opened " + sessions.keySet());
    }
    return session.offer(embedding, content);
  }

  /** Ends every session (Close, answered once all its observations are), then the connections. */
  @Override
  public void close() {
    for (SessionStream session : sessions.values()) {
      session.send(ClientFrame.newBuilder().setClose(Close.getDefaultInstance()).build());
    }
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(CLOSE_WAIT_SECONDS);
    try {
      for (SessionStream session : sessions.values()) {
        try {
          session.ended.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
        } catch (ExecutionException | TimeoutException e) {
          // broken or too slow: its futures are failed below, when the connection is cut
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    shutdownNow();
  }

  private void shutdownNow() {
    for (ManagedChannel channel : channels) {
      channel.shutdownNow();
    }
    try {
      for (ManagedChannel channel : channels) {
        channel.awaitTermination(CLOSE_WAIT_SECONDS, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private void closeEdgeFor(long nowNanos, long retryAfterNanos) {
    long until = nowNanos + Math.min(retryAfterNanos, CLOSE_MAX_NANOS);
    closedUntilNanos.accumulateAndGet(until, (current, next) -> next - current > 0 ? next : current);
  }

  /** One space's session stream: what was sent and not yet answered, by sequence number. */
  private static final class SessionStream implements StreamObserver<ServerFrame> {
    private record Pending(String memoryId, long offeredAtNanos, CompletableFuture<OfferResult> result) {}

    final GrpcOfferClient client;
    final String space;
    final CompletableFuture<Void> opened = new CompletableFuture<>();
    final CompletableFuture<Void> ended = new CompletableFuture<>();
    final Map<Long, Pending> inFlight = new ConcurrentHashMap<>();
    final AtomicInteger inFlightCount = new AtomicInteger();
    StreamObserver<ClientFrame> out; // guarded by this for sending: gRPC's stream is not thread safe
    volatile String sessionId;
    volatile int window;
    volatile Throwable broken;
    long nextSeq; // the offering thread's
    long nextId;

    SessionStream(GrpcOfferClient client, String space) {
      this.client = client;
      this.space = space;
    }

    synchronized void send(ClientFrame frame) {
      if (broken == null) {
        out.onNext(frame);
      }
    }

    CompletableFuture<OfferResult> offer(float[] embedding, String content) {
      long now = System.nanoTime();
      String memoryId = client.idPrefix + (++nextId);
      if (broken != null) {
        return CompletableFuture.failedFuture(new IllegalStateException("session on '" + space + "' broke: " + broken,
            broken));
      }
      long closedFor = client.closedUntilNanos.get() - now;
      if (closedFor > 0) { // the server asked to wait: refused here, as the embedded engine's edge does
        return CompletableFuture.completedFuture(new OfferResult(memoryId, false, RejectReason.OVER_CAPACITY,
            closedFor, 0));
      }
      if (inFlightCount.get() >= window) { // the server would refuse it for the same reason
        return CompletableFuture.completedFuture(new OfferResult(memoryId, false, RejectReason.OVER_CAPACITY, 0, 0));
      }
      long seq = ++nextSeq;
      Observation.Builder observation = Observation.newBuilder().setSessionId(sessionId).setSeq(seq)
          .setMemoryId(memoryId).setContent(content);
      for (float value : embedding) {
        observation.addEmbedding(value);
      }
      ClientFrame frame = ClientFrame.newBuilder().setObservation(observation).build();
      Pending pending = new Pending(memoryId, now, new CompletableFuture<>());
      inFlight.put(seq, pending);
      inFlightCount.incrementAndGet();
      send(frame);
      if (broken != null && inFlight.remove(seq) != null) { // broke while sending: onError may have missed it
        inFlightCount.decrementAndGet();
        pending.result().completeExceptionally(new IllegalStateException("session on '" + space + "' broke: "
            + broken, broken));
      }
      return pending.result();
    }

    @Override
    public void onNext(ServerFrame frame) {
      switch (frame.getFrameCase()) {
        case INIT_ACK -> {
          sessionId = frame.getInitAck().getSessionId();
          window = frame.getInitAck().getWindow();
          opened.complete(null);
        }
        case ACK -> onAck(frame.getAck());
        case CLOSED -> { } // the stream's end follows
        default -> { } // pressure changes: each refusal's Ack carries its retry-after
      }
    }

    private void onAck(Ack ack) {
      Pending pending = inFlight.remove(ack.getSeq());
      if (pending == null) {
        return;
      }
      inFlightCount.decrementAndGet();
      long now = System.nanoTime();
      long latency = now - pending.offeredAtNanos();
      if (ack.getOutcome() == AckOutcome.ACCEPTED) {
        pending.result().complete(new OfferResult(ack.getMemoryId(), true, null, 0, latency));
        return;
      }
      RejectReason reason = Refusals.fromWire(ack.getReason());
      if (reason == null) {
        pending.result().completeExceptionally(new IllegalStateException("observation " + ack.getSeq()
            + " refused without a reason: " + ack.getMessage()));
        return;
      }
      long retryAfterNanos = TimeUnit.MILLISECONDS.toNanos(ack.getRetryAfterMillis());
      if (reason == RejectReason.OVER_CAPACITY && retryAfterNanos > 0) {
        client.closeEdgeFor(now, retryAfterNanos);
      }
      pending.result().complete(new OfferResult(pending.memoryId(), false, reason, retryAfterNanos, latency));
    }

    @Override
    public void onError(Throwable error) {
      broken = error;
      opened.completeExceptionally(error);
      failUnanswered(error);
      ended.completeExceptionally(error);
    }

    @Override
    public void onCompleted() {
      IllegalStateException error = new IllegalStateException("the session on '" + space + "' ended");
      broken = error;
      opened.completeExceptionally(error);
      failUnanswered(error);
      ended.complete(null);
    }

    private void failUnanswered(Throwable error) {
      for (Long seq : List.copyOf(inFlight.keySet())) {
        Pending pending = inFlight.remove(seq);
        if (pending != null) {
          inFlightCount.decrementAndGet();
          pending.result().completeExceptionally(new IllegalStateException("session on '" + space
              + "' ended before observation " + seq + " was answered: " + error, error));
        }
      }
    }
  }
}
