package io.detsim.bench;

import io.detsim.engine.index.HnswIndex;
import io.detsim.engine.index.KernelInCache;
import io.detsim.engine.index.Neighbour;
import io.detsim.sim.random.Xoshiro256;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;

/**
 * HNSW insert throughput in the inserting thread's CPU time, for machines shared with other work:
 * JMH measures wall time, which on a loaded machine mostly measures the load (on the 2-core build
 * machine, back-to-back JMH runs of the same code differed threefold). CPU time is not stretched by
 * waiting for a core, though a busy neighbour still costs cache.
 *
 * <p>Builds one index with the engine's parameters from {@code count} Gaussian vectors (the data
 * of {@link HnswBenchmark}) and reports inserts per CPU second over the last {@code window}
 * inserts, then searches per CPU second (the 10 nearest, default beam) over {@value #SEARCHES}
 * Gaussian queries, and the index's structural digest and a digest of the search results, which
 * must not change when an optimisation claims to leave results alone. It also says how many
 * distances an insert measured, what one cost inside the inserts, and what the same kernel costs on
 * eight vectors that stay in cache ({@link KernelInCache}): the gap between the two is what memory
 * and the search's bookkeeping cost, which no faster arithmetic removes. The first line names the
 * distance kernels in use: run once with {@code --add-modules jdk.incubator.vector} and once with
 * {@code -Ddetsim.vectors=scalar} as well to compare the Vector API with plain Java.
 *
 * <pre>
 * java [--add-modules jdk.incubator.vector] -cp benchmarks/target/benchmarks.jar \
 *     io.detsim.bench.HnswInsertCpuTime [dimension] [count] [window]
 * </pre>
 *
 * Defaults: dimension 768, 6,000 inserts, the last 1,000 measured.
 */
public final class HnswInsertCpuTime {
  private static final int SEARCHES = 2_000;

  private HnswInsertCpuTime() {}

  /** The batched kernel's cost with memory taken out ({@link KernelInCache}): the best of five rounds, the first ones warm the JIT. */
  private static double inCacheNanosPerDistance(int dimension, ThreadMXBean threads) {
    Xoshiro256 random = new Xoshiro256(3);
    float[] query = HnswBenchmark.gaussian(random, dimension);
    float[][] eight = new float[8][];
    for (int i = 0; i < eight.length; i++) {
      eight[i] = HnswBenchmark.gaussian(random, dimension);
    }
    long batches = StrictMath.max(1_000, 200_000_000L / (8L * dimension));
    double best = Double.MAX_VALUE;
    for (int round = 0; round < 5; round++) {
      best = StrictMath.min(best, KernelInCache.nanosPerDistance(query, eight, batches, threads::getCurrentThreadCpuTime));
    }
    return best;
  }

  public static void main(String[] args) {
    GrowthArgs growth = GrowthArgs.parse(args, 768, 6_000, 1_000);
    int dimension = growth.dimension();
    int count = growth.count();
    int window = growth.part();
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    HnswIndex index = HnswBenchmark.engineIndex(dimension);
    Xoshiro256 random = new Xoshiro256(2);
    long cpuStart = 0;
    long wallStart = 0;
    long distancesStart = 0;
    for (int id = 0; id < count; id++) {
      if (id == count - window) {
        cpuStart = threads.getCurrentThreadCpuTime();
        wallStart = System.nanoTime();
        distancesStart = index.distancesMeasured();
      }
      index.insert(id, HnswBenchmark.gaussian(random, dimension), 0);
    }
    long cpuNanos = threads.getCurrentThreadCpuTime() - cpuStart;
    double cpuSeconds = cpuNanos / 1e9;
    double wallSeconds = (System.nanoTime() - wallStart) / 1e9;
    long distances = index.distancesMeasured() - distancesStart;
    System.out.printf("%s kernel%n", HnswIndex.distanceKernel());
    System.out.printf("dimension %d, inserts %d..%d: %.0f inserts per CPU second (%.0f per wall second); digest %s%n",
        dimension, count - window, count, window / cpuSeconds, window / wallSeconds,
        Long.toHexString(index.structuralDigest()));
    System.out.printf("  %.0f distances per insert, %.1f CPU ns per distance inside inserts; the same kernel on 8 vectors"
        + " in cache: %.1f ns per distance; vectors held: %.1f MB%n", distances / (double) window,
        cpuNanos / (double) distances, inCacheNanosPerDistance(dimension, threads),
        count * (16.0 + 4.0 * dimension) / 1e6);
    long resultDigest = 0;
    long searchCpuStart = threads.getCurrentThreadCpuTime();
    for (int i = 0; i < SEARCHES; i++) {
      for (Neighbour found : index.search(HnswBenchmark.gaussian(random, dimension), 10, Long.MAX_VALUE)) {
        resultDigest = resultDigest * 31 + found.id() * 0x9E3779B97F4A7C15L + Float.floatToRawIntBits(found.distance());
      }
    }
    double searchCpuSeconds = (threads.getCurrentThreadCpuTime() - searchCpuStart) / 1e9;
    System.out.printf("%d searches (k 10): %.0f searches per CPU second; results digest %s%n",
        SEARCHES, SEARCHES / searchCpuSeconds, Long.toHexString(resultDigest));
  }
}
