package io.detsim.bench.real;

import io.detsim.engine.queue.BatchSizer;
import io.detsim.engine.queue.QueueOptions;
import io.detsim.engine.real.EmbeddedConfig;
import io.detsim.engine.server.EngineOptions;
import java.nio.file.Path;

/**
 * One configuration of the sweep: a fresh engine on a fresh folder is started for each.
 *
 * @param ratePerSecond observations offered per second, on a fixed schedule
 * @param workers the engine's indexing workers
 * @param batchSize a fixed batch size for every queue depth; {@link #ADAPTIVE} keeps the engine's
 *     adaptive sizer (10 / 100 / 500 by queue depth)
 * @param capacity one queue capacity shared by all lanes ({@link QueueOptions#ofCapacity});
 *     {@link #DEFAULT_CAPACITY} keeps the engine's lanes (160,000 in total)
 * @param dimension the embedding dimension
 * @param transport how the offers reach the engine: in process, or over gRPC on loopback
 */
public record BenchPoint(long ratePerSecond, int workers, int batchSize, int capacity, int dimension,
    Transport transport) {
  public static final int ADAPTIVE = 0;
  public static final int DEFAULT_CAPACITY = 0;

  public BenchPoint {
    require(ratePerSecond > 0, "rate must be positive: " + ratePerSecond);
    require(workers > 0 && workers <= 64, "workers must be 1..64: " + workers);
    require(batchSize >= 0, "batch size must be positive, or 0 for adaptive: " + batchSize);
    require(capacity >= 0, "capacity must be positive, or 0 for the default: " + capacity);
    require(dimension > 0, "dimension must be positive: " + dimension);
    require(transport != null, "transport must be given");
  }

  /** A point on the embedded engine, offers made in process. */
  public BenchPoint(long ratePerSecond, int workers, int batchSize, int capacity, int dimension) {
    this(ratePerSecond, workers, batchSize, capacity, dimension, Transport.EMBEDDED);
  }

  /**
   * A name for files: {@code r100000-w2-badaptive-cdefault-d128}, and {@code -grpc} after it for a point
   * over the wire.
   */
  public String name() {
    return "r" + ratePerSecond + "-w" + workers + "-b" + batchText() + "-c" + capacityText() + "-d" + dimension
        + (transport == Transport.EMBEDDED ? "" : "-" + transport.text());
  }

  public String batchText() {
    return batchSize == ADAPTIVE ? "adaptive" : Integer.toString(batchSize);
  }

  public String capacityText() {
    return capacity == DEFAULT_CAPACITY ? "default" : Integer.toString(capacity);
  }

  /** The engine this point runs: the real-time options at this dimension, with the point's knobs. */
  EmbeddedConfig config(Path folder, long seed, long compactAfterRecords) {
    EngineOptions options = EmbeddedConfig.realTimeOptions(dimension).withWorkers(workers);
    if (compactAfterRecords != RunSettings.ENGINE_DEFAULT) {
      options = options.withCompactAfterRecords(compactAfterRecords);
    }
    if (capacity != DEFAULT_CAPACITY) {
      options = options.withQueue(QueueOptions.ofCapacity(capacity));
    }
    if (batchSize != ADAPTIVE) {
      options = withBatchSizer(options, BatchSizer.fixed(batchSize));
    }
    return EmbeddedConfig.of(folder, dimension).withEngine(options).withSeed(seed);
  }

  /** EngineOptions has no {@code withBatchSizer}; the record's constructor takes it directly. */
  private static EngineOptions withBatchSizer(EngineOptions o, BatchSizer sizer) {
    return new EngineOptions(o.dimension(), o.workers(), o.queue(), o.sessions(), o.hnsw(), sizer, o.batchCostNanos(),
        o.itemCostNanos(), o.recallCostNanos(), o.tickNanos(), o.heartbeatNanos(), o.heartbeatTimeoutNanos(),
        o.compactAfterRecords(), o.stalenessBoundNanos(), o.heldObservationsMax());
  }

  private static void require(boolean condition, String message) {
    if (!condition) {
      throw new IllegalArgumentException(message);
    }
  }
}
