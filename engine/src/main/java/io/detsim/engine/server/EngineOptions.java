package io.detsim.engine.server;

import io.detsim.engine.index.HnswParams;
import io.detsim.engine.queue.BatchSizer;
import io.detsim.engine.queue.QueueOptions;
import io.detsim.engine.session.SessionOptions;
import io.detsim.sim.port.Check;

/**
 * How an engine is built: its parameters and its cost model on virtual time. Planted bugs are not
 * options: a node asks its context for them ({@link io.detsim.engine.planted.EngineMutant#plantedIn}).
 *
 * <p><b>Cost model.</b> A worker spends {@code batchCostNanos} per batch plus {@code itemCostNanos}
 * per observation indexed, and {@code recallCostNanos} per recall, and finishes work on a
 * {@code tickNanos} boundary (a worker loop that polls its inbox once a tick). These make latency,
 * queueing and backpressure real in virtual time; the real runtime ignores them, since there the
 * work takes its own time. Defaults: 100 us a batch, 40 us an observation (about 25,000 observations
 * a second per worker at dimension 16), 200 us a recall, 1 ms ticks.
 *
 * @param heartbeatNanos how often the supervisor asks each worker whether it lives
 * @param heartbeatTimeoutNanos how long without an answer before a worker counts as dead
 * @param compactAfterRecords log records between compactions (snapshot + truncate), at the least: a compaction
 *     also waits until the log since the last snapshot is as long as that snapshot, which keeps its cost linear
 * @param stalenessBoundNanos the promised bound between ACCEPTED and visible while healthy
 * @param heldObservationsMax how many observations the engine holds at most (every accepted one, recovered
 *     ones included: it never forgets one). An observation that would be one more is refused at once with
 *     STORE_FULL and no retry-after: retrying cannot help until an operator raises the budget, and recall
 *     goes on. {@link #UNLIMITED} (the simulation's default) makes no check that changes anything
 */
public record EngineOptions(
    int dimension,
    int workers,
    QueueOptions queue,
    SessionOptions sessions,
    HnswParams hnsw,
    BatchSizer batchSizer,
    long batchCostNanos,
    long itemCostNanos,
    long recallCostNanos,
    long tickNanos,
    long heartbeatNanos,
    long heartbeatTimeoutNanos,
    long compactAfterRecords,
    long stalenessBoundNanos,
    long heldObservationsMax) {

  private static final long MS = 1_000_000L;
  /** A {@link #heldObservationsMax} that no engine reaches: no budget. */
  public static final long UNLIMITED = Long.MAX_VALUE;

  public EngineOptions {
    Check.argument(dimension > 0, "dimension must be positive: %d", dimension);
    Check.argument(workers > 0 && workers <= 64, "workers must be 1..64: %d", workers);
    Check.argument(hnsw.dimension() == dimension, "HNSW dimension %d differs from %d", hnsw.dimension(), dimension);
    Check.argument(batchCostNanos >= 0 && itemCostNanos >= 0 && recallCostNanos >= 0, "negative cost");
    Check.argument(tickNanos > 0, "tick must be positive: %d", tickNanos);
    Check.argument(heartbeatNanos > 0 && heartbeatTimeoutNanos > heartbeatNanos,
        "heartbeat timeout %d must exceed the heartbeat %d", heartbeatTimeoutNanos, heartbeatNanos);
    Check.argument(compactAfterRecords > 0, "compaction threshold must be positive: %d", compactAfterRecords);
    Check.argument(stalenessBoundNanos > 0, "staleness bound must be positive");
    Check.argument(heldObservationsMax > 0, "held observations max must be positive: %d", heldObservationsMax);
  }

  /**
   * The design's defaults at {@code dimension}: 4 workers, HNSW M 16, the queue of docs/engine.md, no
   * held-data budget ({@link #UNLIMITED}).
   */
  public static EngineOptions defaults(int dimension) {
    return new EngineOptions(dimension, 4, QueueOptions.defaults(), SessionOptions.defaults(),
        HnswParams.defaults(dimension), BatchSizer.defaults(), 100_000, 40_000, 200_000, MS,
        10 * MS, 50 * MS, 20_000, 100 * MS, UNLIMITED);
  }

  public EngineOptions withWorkers(int count) {
    return new EngineOptions(dimension, count, queue, sessions, hnsw, batchSizer, batchCostNanos, itemCostNanos,
        recallCostNanos, tickNanos, heartbeatNanos, heartbeatTimeoutNanos, compactAfterRecords, stalenessBoundNanos,
        heldObservationsMax);
  }

  public EngineOptions withQueue(QueueOptions value) {
    return new EngineOptions(dimension, workers, value, sessions, hnsw, batchSizer, batchCostNanos, itemCostNanos,
        recallCostNanos, tickNanos, heartbeatNanos, heartbeatTimeoutNanos, compactAfterRecords, stalenessBoundNanos,
        heldObservationsMax);
  }

  public EngineOptions withHnsw(HnswParams value) {
    return new EngineOptions(dimension, workers, queue, sessions, value, batchSizer, batchCostNanos, itemCostNanos,
        recallCostNanos, tickNanos, heartbeatNanos, heartbeatTimeoutNanos, compactAfterRecords, stalenessBoundNanos,
        heldObservationsMax);
  }

  public EngineOptions withCosts(long batchNanos, long itemNanos, long recallNanos) {
    return new EngineOptions(dimension, workers, queue, sessions, hnsw, batchSizer, batchNanos, itemNanos,
        recallNanos, tickNanos, heartbeatNanos, heartbeatTimeoutNanos, compactAfterRecords, stalenessBoundNanos,
        heldObservationsMax);
  }

  public EngineOptions withCompactAfterRecords(long records) {
    return new EngineOptions(dimension, workers, queue, sessions, hnsw, batchSizer, batchCostNanos, itemCostNanos,
        recallCostNanos, tickNanos, heartbeatNanos, heartbeatTimeoutNanos, records, stalenessBoundNanos, heldObservationsMax);
  }

  /** The same options with a held-data budget of {@code max} observations ({@link #UNLIMITED} for none). */
  public EngineOptions withHeldObservationsMax(long max) {
    return new EngineOptions(dimension, workers, queue, sessions, hnsw, batchSizer, batchCostNanos, itemCostNanos,
        recallCostNanos, tickNanos, heartbeatNanos, heartbeatTimeoutNanos, compactAfterRecords, stalenessBoundNanos,
        max);
  }
}
