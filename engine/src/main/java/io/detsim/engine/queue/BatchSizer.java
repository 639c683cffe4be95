package io.detsim.engine.queue;

/**
 * The adaptive batch size (docs/engine.md, after the original worker loop): small batches while the queue
 * is short, for latency; large ones when it is long, for throughput. By default 10 below 100 queued,
 * 100 below 1,000, 500 from there.
 *
 * @param mediumFromDepth the depth from which {@code mediumBatch} applies
 * @param largeFromDepth the depth from which {@code largeBatch} applies
 */
public record BatchSizer(int mediumFromDepth, int largeFromDepth, int smallBatch, int mediumBatch, int largeBatch) {

  public BatchSizer {
    if (mediumFromDepth < 1 || largeFromDepth < mediumFromDepth) {
      throw new IllegalArgumentException("needs 1 <= mediumFromDepth <= largeFromDepth");
    }
    if (smallBatch < 1 || mediumBatch < 1 || largeBatch < 1) {
      throw new IllegalArgumentException("batch sizes must be at least 1");
    }
  }

  public static BatchSizer defaults() {
    return new BatchSizer(100, 1_000, 10, 100, 500);
  }

  /** The same size at every depth, for benchmark sweeps. */
  public static BatchSizer fixed(int batchSize) {
    return new BatchSizer(1, 1, batchSize, batchSize, batchSize);
  }

  /** The largest batch at any depth. */
  public int largest() {
    return Math.max(smallBatch, Math.max(mediumBatch, largeBatch));
  }

  public int batchSize(int depth) {
    if (depth >= largeFromDepth) {
      return largeBatch;
    }
    return depth >= mediumFromDepth ? mediumBatch : smallBatch;
  }
}
