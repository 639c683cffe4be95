package io.detsim.engine.real;

import io.detsim.engine.queue.QueueOptions;
import io.detsim.engine.server.EngineOptions;
import io.detsim.sim.port.Check;
import java.nio.file.Path;
import java.util.Objects;
import java.util.OptionalLong;

/**
 * How to start an {@link EmbeddedEngine}. Build from {@link #of} and change with the {@code with*}
 * methods; the constructor checks every field.
 *
 * @param dataDirectory where the engine keeps its write-ahead log (in a {@code server} folder);
 *     reusing a folder recovers what it holds
 * @param engine the engine's options: dimension, workers, queue; its simulated cost model is ignored
 * @param metricsPort the port of the Prometheus endpoint on the loopback address; -1 for none, 0 for
 *     any free port (see {@link EmbeddedEngine#metricsPort()})
 * @param seed the seed of the engine's random streams (HNSW levels); empty for a secure random one
 * @param drainTimeoutNanos how long {@code shutdown(true)} waits for queued work before it stops anyway
 * @param pendingOffersMax how many offers may wait for their answer at once; an offer beyond it is
 *     refused at once with OVER_CAPACITY and a retry-after, on the caller's thread. It bounds the memory
 *     of observations on their way to the server: each holds its embedding (4 bytes a dimension) and
 *     about 300 bytes more, so the default 16,384 is about 13 MB at dimension 128 and 55 MB at 768; it
 *     takes a burst of 10,000 (the design's end_to_end) whole. It also caps throughput at this many
 *     per fsync round trip, far above what the server sustains
 */
public record EmbeddedConfig(Path dataDirectory, EngineOptions engine, int metricsPort, OptionalLong seed,
    long drainTimeoutNanos, int pendingOffersMax) {
  /** The default {@link #pendingOffersMax}. */
  public static final int PENDING_OFFERS_MAX = 16_384;
  /**
   * The default queue may hold observations worth at most this share of the heap (1 / this). A
   * queued observation is held twice over its life in the queue: as the queue's entry and as the
   * server's held observation, and the refused stream around it makes garbage at the offered rate,
   * so the rest of the heap is for the observations already indexed and for that garbage. Measured
   * reason: the design's 160,000 (NORMAL 100,000) at dimension 128 took a 256 MB heap to 234 MB
   * after GC with a 5 s pause under overload (docs/benchmarks.md, overload with a 256 MB heap).
   */
  static final int QUEUE_HEAP_SHARE_DIVISOR = 8;
  /** A queued observation's heap beyond its embedding: episode, id and text, log and queue entries. */
  static final int QUEUED_OBSERVATION_OVERHEAD_BYTES = 512;
  /**
   * The observations the engine holds (every accepted one: it never forgets one) may take at most
   * this share of the heap (1 / this); one more is refused STORE_FULL. The rest is for what is not
   * held: the queue's eighth (its observations are counted here too once admitted, but their
   * offers on the way and the refused stream around them are not), the pending offers at the edge
   * (about 13 MB at dimension 128), the indexes' transient search memory, the metrics, the JVM's
   * own, and G1's headroom: G1 needs free regions to copy survivors into, and with the live set
   * near the cap it runs full collections back to back. Measured reason, with -Xmx256m at dimension
   * 128 and 1M/s offered for 120 s (docs/benchmarks.md, a held-data budget): with half the heap
   * (102,300 held) the heap after GC stayed at most 228 MB, as the store filled, then about 154 MB,
   * no full collection; with 5/8 (127,876) it reached the cap as the store filled, two full
   * collections, 177 MB live after them.
   */
  static final int HELD_HEAP_SHARE_DIVISOR = 2;
  /**
   * A held observation's heap beyond its embedding's 4 bytes a dimension: its episode, id and text,
   * the server's bookkeeping, its index node with neighbour lists at their degree bound. Measured:
   * 1,307 bytes an observation for the whole engine at dimension 128 (docs/benchmarks.md,
   * whole-engine heap per observation), 512 of them the embedding.
   */
  static final int HELD_OBSERVATION_OVERHEAD_BYTES = 800;

  public EmbeddedConfig {
    Objects.requireNonNull(dataDirectory, "dataDirectory");
    Objects.requireNonNull(engine, "engine");
    Objects.requireNonNull(seed, "seed");
    Check.argument(metricsPort >= -1 && metricsPort <= 65_535, "metrics port must be -1 (none) or 0..65535: %d",
        metricsPort);
    Check.argument(drainTimeoutNanos > 0, "drain timeout must be positive: %d", drainTimeoutNanos);
    Check.argument(pendingOffersMax > 0, "pending offers max must be positive: %d", pendingOffersMax);
  }

  /**
   * {@link #realTimeOptions} at {@code dimension} (4 workers, the queue of docs/engine.md scaled to
   * the heap, a held-data budget from the heap), no metrics port, {@link #PENDING_OFFERS_MAX} pending offers.
   */
  public static EmbeddedConfig of(Path dataDirectory, int dimension) {
    return new EmbeddedConfig(dataDirectory, realTimeOptions(dimension), -1, OptionalLong.empty(),
        60_000_000_000L, PENDING_OFFERS_MAX);
  }

  /**
   * The engine's defaults with a supervisor tuned for real time: a heartbeat every 100 ms, and a
   * worker counted dead after 10 s of silence. The simulated defaults (10 ms, 50 ms) assume the cost
   * model's 40 us an observation; a real worker indexing a batch of 500 at a high dimension is
   * silent for longer than 50 ms, and a supervisor that kills it then re-delivers the same batch to
   * the next life, which is killed in turn: measured as an endless restart loop with no progress.
   * The queue is {@link #queueForHeap} of this JVM's maximum heap, and the held-data budget
   * {@link #heldObservationsForHeap} of it.
   */
  public static EngineOptions realTimeOptions(int dimension) {
    EngineOptions simulated = EngineOptions.defaults(dimension);
    long heap = Runtime.getRuntime().maxMemory();
    QueueOptions queue = queueForHeap(simulated.queue(), heap, dimension);
    return new EngineOptions(dimension, simulated.workers(), queue, simulated.sessions(),
        simulated.hnsw(), simulated.batchSizer(), simulated.batchCostNanos(), simulated.itemCostNanos(),
        simulated.recallCostNanos(), simulated.tickNanos(), 100_000_000L, 10_000_000_000L,
        simulated.compactAfterRecords(), simulated.stalenessBoundNanos(), heldObservationsForHeap(heap, dimension));
  }

  /**
   * How many observations the engine may hold in {@code heapBytes}: {@code 1 / HELD_HEAP_SHARE_DIVISOR}
   * of it, counting each as its embedding plus {@link #HELD_OBSERVATION_OVERHEAD_BYTES}: 102,300 at
   * dimension 128 in 256 MB, 818,400 in 2 GB; at least 1. Without a limit on the heap
   * ({@code Long.MAX_VALUE}, as {@code maxMemory} says then) there is no budget either.
   */
  static long heldObservationsForHeap(long heapBytes, int dimension) {
    if (heapBytes == Long.MAX_VALUE) {
      return EngineOptions.UNLIMITED;
    }
    long observationBytes = 4L * dimension + HELD_OBSERVATION_OVERHEAD_BYTES;
    return Math.max(1, heapBytes / HELD_HEAP_SHARE_DIVISOR / observationBytes);
  }

  /**
   * {@code design}'s lanes, scaled down in proportion (never up) so that a full queue holds at most
   * {@code 1 / QUEUE_HEAP_SHARE_DIVISOR} of {@code heapBytes}, counting each observation as its
   * embedding plus {@link #QUEUED_OBSERVATION_OVERHEAD_BYTES}: the design's 160,000 at dimension 128
   * from a 1.3 GB heap up, 32,768 (NORMAL 20,480) in 256 MB. Each lane keeps at least one place.
   */
  static QueueOptions queueForHeap(QueueOptions design, long heapBytes, int dimension) {
    long observationBytes = 4L * dimension + QUEUED_OBSERVATION_OVERHEAD_BYTES;
    long fits = heapBytes / QUEUE_HEAP_SHARE_DIVISOR / observationBytes;
    if (fits >= design.totalCapacity()) {
      return design;
    }
    double scale = (double) Math.max(1, fits) / design.totalCapacity();
    int high = scaled(design.highCapacity(), scale);
    int normal = scaled(design.normalCapacity(), scale);
    int low = scaled(design.lowCapacity(), scale);
    int total = (int) Math.min(high + normal + low, Math.max(1, fits));
    return design.withLaneCapacities(high, normal, low).withTotalCapacity(total);
  }

  private static int scaled(int capacity, double scale) {
    return capacity == 0 ? 0 : Math.max(1, (int) (capacity * scale));
  }

  public int dimension() {
    return engine.dimension();
  }

  public EmbeddedConfig withEngine(EngineOptions options) {
    return new EmbeddedConfig(dataDirectory, options, metricsPort, seed, drainTimeoutNanos, pendingOffersMax);
  }

  public EmbeddedConfig withWorkers(int workers) {
    return withEngine(engine.withWorkers(workers));
  }

  public EmbeddedConfig withQueue(QueueOptions queue) {
    return withEngine(engine.withQueue(queue));
  }

  public EmbeddedConfig withMetricsPort(int port) {
    return new EmbeddedConfig(dataDirectory, engine, port, seed, drainTimeoutNanos, pendingOffersMax);
  }

  public EmbeddedConfig withSeed(long value) {
    return new EmbeddedConfig(dataDirectory, engine, metricsPort, OptionalLong.of(value), drainTimeoutNanos,
        pendingOffersMax);
  }

  public EmbeddedConfig withDrainTimeout(long nanos) {
    return new EmbeddedConfig(dataDirectory, engine, metricsPort, seed, nanos, pendingOffersMax);
  }

  /** A held-data budget of {@code max} observations; {@code EngineOptions.UNLIMITED} for none. */
  public EmbeddedConfig withHeldObservationsMax(long max) {
    return withEngine(engine.withHeldObservationsMax(max));
  }

  public EmbeddedConfig withPendingOffersMax(int max) {
    return new EmbeddedConfig(dataDirectory, engine, metricsPort, seed, drainTimeoutNanos, max);
  }
}
