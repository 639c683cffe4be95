package io.detsim.engine.real;

import io.detsim.engine.log.WalOptions;
import io.detsim.engine.metrics.MetricsSnapshot;
import io.detsim.engine.protocol.Episode;
import io.detsim.engine.protocol.Priority;
import io.detsim.engine.protocol.RejectReason;
import io.detsim.engine.protocol.SpaceId;
import io.detsim.engine.queue.QueueOptions;
import io.detsim.engine.real.metrics.PrometheusEndpoint;
import io.detsim.engine.server.EngineServer;
import io.detsim.runtime.RealRuntime;
import io.detsim.sim.port.NodeId;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Function;

/**
 * The streaming memory engine inside a Java program: the same {@link EngineServer} that the
 * simulator tests, on the {@link RealRuntime}, with a thread-safe API.
 *
 * <pre>{@code
 * try (EmbeddedEngine engine = EmbeddedEngine.start(EmbeddedConfig.of(Path.of("data"), 768))) {
 *   OfferResult result = engine.offer("notes", embedding, "what happened").join(); // ACCEPTED: durable
 *   RecallResult nearest = engine.recall("notes", cue, 10).join();
 * }
 * }</pre>
 *
 * <p>Every method may be called from any thread. Futures complete on the engine's client thread:
 * keep work chained to them short, or use the {@code *Async} variants; and never block in such a
 * callback on the engine ({@code join} of another offer, {@link #awaitIndexed}, {@link #metrics}),
 * which needs that same thread to answer. An offer's future completes
 * with ACCEPTED (durable: it survives a crash) or REJECTED with a reason (OVER_CAPACITY comes with a
 * retry-after; STORE_FULL, once the engine holds its budget of observations, comes without one: a
 * retry cannot succeed, and recall goes on); it completes exceptionally only when the engine stops or fails before answering,
 * and then the outcome is unknown (it may have become durable).
 *
 * <p><b>Overload.</b> Nothing on the way from a caller to the server grows without bound: at most
 * {@link EmbeddedConfig#pendingOffersMax()} offers (and {@link #PENDING_RECALLS_MAX} recalls) may
 * wait for their answers at once, and one more is refused at once on the caller's thread with
 * OVER_CAPACITY and a retry-after ({@link OfferGate}); it is never queued. So is every offer while
 * the server says its queue is OVERLOADED, and every offer of a priority for up to 100 ms after the
 * server refused that priority, unless the server said since that its queue is under 80 % full.
 * Past that edge the server's own queue is bounded by its capacity (guarantee 8 of docs/engine.md).
 * Once the server refused an offer as STORE_FULL (the engine holds its budget of observations,
 * {@code EngineOptions.heldObservationsMax}), every later offer is refused here at once with
 * STORE_FULL: the engine never lets an observation go, so the store stays full for this engine's
 * life; recall goes on.
 *
 * <p><b>Failure.</b> A crash of the server or of the engine's client, or an {@link
 * OutOfMemoryError} in any of the engine's threads, makes the engine FAILED for good (see
 * {@link EngineState} for why it does not restart itself): every offer and recall from then on
 * fails at once with an {@link IllegalStateException} that names the cause, every pending one too,
 * and {@link #health()} and the Prometheus endpoint show it. The failed server's memory is released.
 */
public final class EmbeddedEngine implements AutoCloseable {
  private static final System.Logger LOG = System.getLogger(EmbeddedEngine.class.getName());
  private static final NodeId SERVER = NodeId.of("server");
  private static final NodeId CLIENT = NodeId.of("embedded-client");
  private static final long CALL_TIMEOUT_NANOS = 30_000_000_000L;
  private static final long DRAIN_POLL_MILLIS = 5;
  /**
   * Snapshots go to disk 1 MB at a time as they are written: whole in memory, a snapshot of every
   * observation held took up to four times its size at once and ended in an OutOfMemoryError
   * (docs/benchmarks.md). Simulation keeps writing them whole, so its traces do not change.
   */
  private static final WalOptions STREAMED_SNAPSHOTS = WalOptions.none().withSnapshotChunkBytes(1 << 20);
  /** Recalls pending at once; more are refused at once. A recall holds only its cue and k. */
  public static final int PENDING_RECALLS_MAX = 1_024;

  private final EmbeddedConfig config;
  private final RealRuntime runtime;
  private final PrometheusEndpoint endpoint;
  private final Set<CompletableFuture<?>> outstanding = ConcurrentHashMap.newKeySet();
  private final AtomicLong nextEpisode = new AtomicLong();
  private final String idPrefix;
  private final OfferGate offerGate;
  private final OfferGate recallGate;
  private final LongAdder offersFailed = new LongAdder();
  private volatile boolean stopping;
  private volatile EngineState state = EngineState.RUNNING;
  private volatile String failure;
  /** What the crashed node threw, if it threw: the cause of every exception a failed engine gives. */
  private volatile Throwable failureCause;

  private EmbeddedEngine(EmbeddedConfig config) {
    this.config = config;
    this.runtime = config.seed().isPresent()
        ? new RealRuntime(config.dataDirectory(), config.seed().getAsLong())
        : new RealRuntime(config.dataDirectory());
    // Episode ids made up here must not repeat those of an earlier run on the same folder.
    this.idPrefix = "m" + Long.toHexString(runtime.clock().nowNanos()) + "-";
    QueueOptions queue = config.engine().queue();
    this.offerGate = new OfferGate(config.pendingOffersMax(), queue.retryAfterIdleNanos(), queue.retryAfterMaxNanos(),
        Priority.values().length);
    this.recallGate = new OfferGate(PENDING_RECALLS_MAX, queue.retryAfterIdleNanos(), queue.retryAfterMaxNanos(), 1);
    runtime.addNode(SERVER.name(), context -> new EngineServer(context, config.engine(), STREAMED_SNAPSHOTS));
    runtime.addNode(CLIENT.name(), context -> new EmbeddedClient(context, SERVER, config.dimension(),
        offerGate::serverStatus));
    runtime.onCrash((id, cause) -> {
      if (id.equals(SERVER) || id.equals(CLIENT)) {
        fail("the engine's " + id.name() + " crashed: " + (cause == null ? "crashed on request" : cause.toString()),
            cause);
      }
    });
    runtime.start();
    try {
      this.endpoint = config.metricsPort() < 0 ? null
          : PrometheusEndpoint.start(config.metricsPort(), this::metrics, this::health);
    } catch (RuntimeException e) { // a port in use: no engine, and no threads left behind
      runtime.shutdown();
      throw e;
    }
  }

  /**
   * Starts an engine on the config's folder and returns once it has recovered whatever the folder
   * holds. Throws {@link IllegalStateException} if recovery fails (the server crashed); then nothing
   * is left running.
   */
  public static EmbeddedEngine start(EmbeddedConfig config) {
    EmbeddedEngine engine = new EmbeddedEngine(config);
    try {
      engine.awaitServerReady();
    } catch (RuntimeException e) {
      engine.shutdown(false);
      throw e;
    }
    return engine;
  }

  public EmbeddedConfig config() {
    return config;
  }

  // ---- streaming ----

  /** Offers an observation at NORMAL priority, with an id the engine makes up and full confidence. */
  public CompletableFuture<OfferResult> offer(String space, float[] embedding, String content) {
    return offer(space, idPrefix + nextEpisode.incrementAndGet(), embedding, content, Priority.NORMAL);
  }

  /**
   * Offers one observation to a memory space (3 to 64 of {@code [a-z0-9_-]}). Offers to one space
   * are applied in the order of these calls when they come from one thread.
   *
   * @param memoryId the episode's id, unique within the space (recall answers with it)
   */
  public CompletableFuture<OfferResult> offer(String space, String memoryId, float[] embedding, String content,
      Priority priority) {
    CompletableFuture<OfferResult> result = new CompletableFuture<>();
    if (refuseUnlessRunning(result)) {
      offersFailed.increment();
      return result;
    }
    long now = runtime.clock().nowNanos();
    int lane = priority.ordinal();
    if (offerGate.refuseIfStoreFull()) { // the server said so, and a full store never empties: no retry-after
      result.complete(OfferResult.rejected(memoryId, RejectReason.STORE_FULL, 0, 0));
      return result;
    }
    if (!offerGate.tryEnter(lane, now)) { // refused here, at once: it must not wait in memory for its refusal
      result.complete(OfferResult.rejected(memoryId, RejectReason.OVER_CAPACITY,
          offerGate.retryAfterNanos(lane, now), 0));
      return result;
    }
    Episode episode;
    try {
      episode = new Episode(memoryId, space, now, content, embedding, 1.0f);
    } catch (RuntimeException bad) { // a null argument: the caller's bug, thrown to the caller
      offerGate.leave();
      throw bad;
    }
    result.whenComplete((answer, error) -> {
      offerGate.leave();
      if (error != null) {
        offersFailed.increment();
      } else if (answer.reason() == RejectReason.OVER_CAPACITY && answer.retryAfterNanos() > 0) {
        offerGate.serverRefused(lane, runtime.clock().nowNanos(), answer.retryAfterNanos());
      } else if (answer.reason() == RejectReason.STORE_FULL) {
        offerGate.storeFull();
      }
    });
    track(result);
    runtime.send(CLIENT, new EmbeddedClient.Offer(space, priority, episode, now, result));
    refuseUnlessRunning(result); // failed since the first check: fail() may not have seen it in outstanding
    return result;
  }

  /** The {@code k} nearest memories of {@code cue} in {@code space}, as of the last indexed batch. */
  public CompletableFuture<RecallResult> recall(String space, float[] cue, int k) {
    CompletableFuture<RecallResult> result = new CompletableFuture<>();
    if (refuseUnlessRunning(result)) {
      return result;
    }
    if (!recallGate.tryEnter(0, runtime.clock().nowNanos())) {
      result.complete(new RecallResult(List.of(), 0, RejectReason.OVER_CAPACITY));
      return result;
    }
    result.whenComplete((answer, error) -> recallGate.leave());
    track(result);
    runtime.send(CLIENT, new EmbeddedClient.RecallCommand(space, cue.clone(), k, result));
    refuseUnlessRunning(result);
    return result;
  }

  // ---- inspection ----

  /**
   * The engine's metrics, taken on the server's thread between two of its handlers.
   *
   * @throws IllegalStateException when the engine is not running: the message says why (a failed
   *     engine names what crashed); {@link #health()} answers in every state
   */
  public MetricsSnapshot metrics() {
    return inspect(EngineServer::metrics);
  }

  /** The engine's own state and edge counters; answered here, without the server. */
  public EngineHealth health() {
    return new EngineHealth(state, failure, offerGate.pending(), offerGate.refused(), offersFailed.sum(),
        offerGate.isStoreFull(), offerGate.refusedStoreFull());
  }

  public EngineState state() {
    return state;
  }

  /** The observations the engine holds in {@code space}, in acceptance order (see {@link EngineServer#held}). */
  public List<EngineServer.Held> held(String space) {
    return inspect(server -> server.held(SpaceId.of(space)));
  }

  /**
   * Runs {@code reader} on the server's thread and returns its answer. The server's own state is
   * consistent there; a space's index belongs to its worker while a batch is out, so read indexes
   * only when the engine is quiet (after {@link #awaitIndexed}).
   */
  public <T> T inspect(Function<EngineServer, T> reader) {
    if (state != EngineState.RUNNING) {
      throw notRunningError();
    }
    return await(runtime.call(SERVER, EngineServer.class, reader));
  }

  /** The port the metrics endpoint listens on; -1 without one. */
  public int metricsPort() {
    return endpoint == null ? -1 : endpoint.port();
  }

  public boolean isServerUp() {
    return runtime.isUp(SERVER);
  }

  /** The runtime underneath, for tests and tools (crash the server, kill a worker, disk figures). */
  public RealRuntime runtime() {
    return runtime;
  }

  public NodeId serverId() {
    return SERVER;
  }

  // ---- stopping ----

  /**
   * Waits, however long it takes, until every offer made so far has its answer and every accepted
   * observation is indexed (queue empty, nothing out at a worker). Throws {@link IllegalStateException}
   * if the engine fails or stops first, as then it would never be so; the wait ends on interruption.
   */
  public void awaitIndexed() throws InterruptedException {
    while (true) {
      if (state != EngineState.RUNNING) {
        throw notRunningError();
      }
      if (isIndexed()) {
        return;
      }
      Thread.sleep(DRAIN_POLL_MILLIS);
    }
  }

  /**
   * Waits until every offer made so far has its answer and every accepted observation is indexed
   * (queue empty, nothing out at a worker); false if that took longer than {@code timeoutNanos}.
   */
  public boolean awaitIndexed(long timeoutNanos) {
    long deadline = System.nanoTime() + timeoutNanos;
    while (System.nanoTime() < deadline && state == EngineState.RUNNING) {
      if (isIndexed()) {
        return true;
      }
      try {
        Thread.sleep(DRAIN_POLL_MILLIS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return false;
      }
    }
    return false;
  }

  /**
   * Stops the engine. With {@code drain}, first waits (up to the config's drain timeout) until
   * queued work is indexed; without, stops at once. Either way every thread is joined and every file
   * closed; offers still unanswered complete exceptionally (outcome unknown).
   */
  public void shutdown(boolean drain) {
    synchronized (this) {
      if (stopping) {
        return;
      }
      stopping = true;
    }
    if (drain && state == EngineState.RUNNING && !awaitIndexed(config.drainTimeoutNanos())) {
      LOG.log(System.Logger.Level.WARNING, "drain did not finish in time; stopping anyway");
    }
    if (endpoint != null) {
      endpoint.close();
    }
    synchronized (this) {
      if (state == EngineState.RUNNING) {
        state = EngineState.STOPPED;
      }
    }
    runtime.shutdown();
    IllegalStateException stopped = new IllegalStateException("the engine stopped: outcome unknown");
    for (CompletableFuture<?> future : outstanding) {
      future.completeExceptionally(stopped);
    }
  }

  /**
   * The server or the client crashed: FAILED for good. Every pending call fails now (its outcome is
   * unknown), and every later one at once; what the crashed nodes held becomes garbage.
   */
  private void fail(String why, Throwable cause) {
    synchronized (this) {
      if (state != EngineState.RUNNING) {
        return;
      }
      failure = why;
      failureCause = cause;
      state = EngineState.FAILED;
    }
    LOG.log(System.Logger.Level.ERROR, "the engine failed: " + why + "; every offer from now on fails at once");
    if (runtime.isUp(SERVER)) {
      runtime.crash(SERVER); // the client crashed: nothing could reach the server any more
    }
    if (runtime.isUp(CLIENT)) {
      runtime.crash(CLIENT); // what it held for the failed server goes, and later mail to it is dropped
    }
    IllegalStateException failed = new IllegalStateException(notRunning() + ": outcome unknown", cause);
    for (CompletableFuture<?> future : outstanding) {
      future.completeExceptionally(failed);
    }
  }

  /** Same as {@code shutdown(true)}. */
  @Override
  public void close() {
    shutdown(true);
  }

  /** Every offer made so far has its answer, and {@link #isQuiet}. */
  private boolean isIndexed() {
    return outstanding.isEmpty() && isServerUp() && isQuiet();
  }

  /**
   * Everything accepted through this engine is indexed, and nothing is queued. Asked of the client
   * and of the server's own counters, never of an index: indexes belong to the workers while they
   * run, and reading one from another thread would race their writes.
   */
  private boolean isQuiet() {
    int awaiting = await(runtime.call(CLIENT, EmbeddedClient.class, EmbeddedClient::awaitingIndexed));
    return awaiting == 0 && inspect(EngineServer::queueDepth) == 0;
  }

  private void awaitServerReady() {
    inspect(server -> server.queueCapacity()); // answered once onStart (recovery) has run
  }

  /** Fails {@code result} at once unless the engine is running; true when it did. */
  private boolean refuseUnlessRunning(CompletableFuture<?> result) {
    if (stopping || state != EngineState.RUNNING) {
      result.completeExceptionally(notRunningError());
      return true;
    }
    return false;
  }

  private IllegalStateException notRunningError() {
    return new IllegalStateException(notRunning(), state == EngineState.FAILED ? failureCause : null);
  }

  private String notRunning() {
    if (state == EngineState.FAILED) {
      return "the engine failed: " + failure;
    }
    return stopping ? "the engine is stopping" : "the engine is " + state.name().toLowerCase(java.util.Locale.ROOT);
  }

  private void track(CompletableFuture<?> future) {
    outstanding.add(future);
    future.whenComplete((value, error) -> outstanding.remove(future));
  }

  private <T> T await(CompletableFuture<T> future) {
    try {
      return future.get(CALL_TIMEOUT_NANOS, TimeUnit.NANOSECONDS);
    } catch (ExecutionException e) {
      throw new IllegalStateException("the engine's server could not answer", e.getCause());
    } catch (TimeoutException e) {
      throw new IllegalStateException("the engine's server did not answer in time", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }
}
