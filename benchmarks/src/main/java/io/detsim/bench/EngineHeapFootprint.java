package io.detsim.bench;

import io.detsim.engine.index.HnswParams;
import io.detsim.engine.protocol.RejectReason;
import io.detsim.engine.real.EmbeddedConfig;
import io.detsim.engine.real.EmbeddedEngine;
import io.detsim.engine.server.EngineOptions;
import io.detsim.sim.random.Xoshiro256;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;

/**
 * Heap held by the whole embedded engine per observation: offers {@code count} random vectors of
 * {@code dimension} (spread over {@code spaces} memory spaces), retrying each refusal after its
 * retry-after, waits until all are durable and indexed, and reports the heap in use after full
 * collections, before the engine started and after, per observation. Unlike {@link HeapFootprint}
 * (the HNSW indexes alone) this counts everything the engine keeps: the held observations (with
 * their episodes), the indexes, the sessions, the log's bookkeeping; snapshots are streamed to disk.
 *
 * <p>As in {@link HeapFootprint}, {@code efConstruction} may be lowered (default here 16) to build
 * quickly: every neighbour list is allocated at its degree bound, so the heap does not depend on it.
 *
 * <pre>
 * java -Xmx3g --add-modules jdk.incubator.vector -cp benchmarks/target/benchmarks.jar \
 *     io.detsim.bench.EngineHeapFootprint [count] [dimension] [workers] [efConstruction] [spaces] [unit|raw]
 * </pre>
 *
 * <p>{@code unit} (the default) offers Gaussian vectors normalised as the engine normalises (double
 * sum of squares, {@code StrictMath.sqrt}, each component divided): the index then keeps the held
 * episode's own array, one copy of each embedding. {@code raw} offers them unnormalised: the index
 * keeps a normalised copy beside the episode's raw floats, two copies; the difference is the cost
 * of the second copy.
 */
public final class EngineHeapFootprint {
  private static final int GC_ROUNDS = 5;
  private static final int IN_FLIGHT = 4_096;

  private EngineHeapFootprint() {}

  public static void main(String[] args) throws Exception {
    int count = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
    int dimension = args.length > 1 ? Integer.parseInt(args[1]) : 128;
    int workers = args.length > 2 ? Integer.parseInt(args[2]) : 2;
    int efConstruction = args.length > 3 ? Integer.parseInt(args[3]) : 16;
    int spaces = args.length > 4 ? Integer.parseInt(args[4]) : 16;
    boolean unit = args.length <= 5 || args[5].equals("unit");
    System.out.printf("EngineHeapFootprint: count=%d dimension=%d workers=%d efConstruction=%d spaces=%d "
        + "vectors=%s maxHeap=%d MiB%n", count, dimension, workers, efConstruction, spaces, unit ? "unit" : "raw",
        Runtime.getRuntime().maxMemory() >> 20);
    Path folder = Files.createTempDirectory("detsim-heap-");
    try {
      long before = usedHeapAfterFullGc();
      HnswParams defaults = HnswParams.defaults(dimension);
      HnswParams params = new HnswParams(defaults.m(), defaults.m0(), efConstruction, defaults.efSearch(),
          defaults.maxLayers(), dimension);
      // No held-data budget: this measures what the engine holds, so it must hold every one offered.
      EngineOptions options = EmbeddedConfig.realTimeOptions(dimension).withWorkers(workers).withHnsw(params)
          .withHeldObservationsMax(EngineOptions.UNLIMITED);
      try (EmbeddedEngine engine = EmbeddedEngine.start(EmbeddedConfig.of(folder, dimension).withEngine(options)
          .withSeed(1))) {
        long start = System.nanoTime();
        long refusals = offerAll(engine, count, dimension, spaces, unit);
        double acceptedSeconds = (System.nanoTime() - start) / 1e9;
        if (!engine.awaitIndexed(3_600_000_000_000L)) {
          throw new IllegalStateException("not all indexed in an hour");
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        long after = usedHeapAfterFullGc();
        long held = after - before;
        System.out.printf("%,d accepted in %.1f s (%,d refusals retried), all indexed after %.1f s%n", count,
            acceptedSeconds, refusals, seconds);
        System.out.printf("heap used after full GC: before %,d bytes, after %,d bytes%n", before, after);
        System.out.printf("held by the engine: %,d bytes = %.1f MiB, %.1f bytes per observation%n", held,
            held / 1048576.0, held / (double) count);
        System.out.printf("log and snapshot on disk: %,d bytes; server disk wrote %,d bytes%n", sizeOf(folder),
            engine.runtime().diskStats(engine.serverId()).bytesWritten());
      }
    } finally {
      deleteTree(folder);
    }
  }

  /**
   * At most {@link #IN_FLIGHT} offers out at once; a refusal is offered again after its retry-after
   * (at most 50 ms), keeping its place in the window. Answers come on the engine's client thread,
   * which must not block: retries go through a scheduler.
   */
  private static long offerAll(EmbeddedEngine engine, int count, int dimension, int spaces, boolean unit)
      throws Exception {
    Xoshiro256 random = new Xoshiro256(42);
    Semaphore window = new Semaphore(IN_FLIGHT);
    AtomicLong refusals = new AtomicLong();
    AtomicReference<Throwable> failure = new AtomicReference<>();
    ScheduledExecutorService retries = Executors.newSingleThreadScheduledExecutor();
    try {
      for (int i = 0; i < count && failure.get() == null; i++) {
        float[] vector = new float[dimension];
        for (int d = 0; d < dimension; d++) {
          vector[d] = (float) random.nextGaussian();
        }
        if (unit) {
          vector = normalised(vector);
        }
        window.acquire();
        offer(engine, String.format("heap_%02d", i % spaces), vector, window, refusals, failure, retries);
      }
      window.acquire(IN_FLIGHT);
    } finally {
      retries.shutdownNow();
    }
    if (failure.get() != null) {
      throw new IllegalStateException("an offer failed", failure.get());
    }
    return refusals.get();
  }

  private static void offer(EmbeddedEngine engine, String space, float[] vector, Semaphore window,
      AtomicLong refusals, AtomicReference<Throwable> failure, ScheduledExecutorService retries) {
    engine.offer(space, vector, "heap").whenComplete((result, error) -> {
      if (error != null || (!result.accepted() && result.reason() != RejectReason.OVER_CAPACITY)) {
        failure.compareAndSet(null, error != null ? error : new IllegalStateException("refused: " + result));
        window.release();
      } else if (result.accepted()) {
        window.release();
      } else {
        refusals.incrementAndGet();
        long delayMillis = Math.max(1, Math.min(50, result.retryAfterNanos() / 1_000_000));
        retries.schedule(() -> offer(engine, space, vector, window, refusals, failure, retries), delayMillis,
            TimeUnit.MILLISECONDS);
      }
    });
  }

  /** As the engine's index normalises (io.detsim.engine.index.Vectors#normalisedCopy). */
  static float[] normalised(float[] vector) {
    double squares = 0;
    for (float component : vector) {
      squares += (double) component * component;
    }
    double norm = StrictMath.sqrt(squares);
    float[] unit = new float[vector.length];
    for (int i = 0; i < vector.length; i++) {
      unit[i] = (float) (vector[i] / norm);
    }
    return unit;
  }

  private static long usedHeapAfterFullGc() {
    for (int i = 0; i < GC_ROUNDS; i++) {
      System.gc();
    }
    return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
  }

  private static long sizeOf(Path folder) throws IOException {
    try (Stream<Path> paths = Files.walk(folder)) {
      return paths.filter(Files::isRegularFile).mapToLong(path -> path.toFile().length()).sum();
    }
  }

  private static void deleteTree(Path folder) throws IOException {
    try (Stream<Path> paths = Files.walk(folder)) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(path);
      }
    }
  }
}
