package io.detsim.bench;

import io.detsim.engine.index.HnswIndex;
import io.detsim.engine.index.HnswParams;
import io.detsim.sim.random.Xoshiro256;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;

/**
 * Heap held by HNSW indexes per indexed observation: inserts {@code count} random unit vectors of
 * {@code dimension} components, spread round-robin over {@code spaces} indexes as the engine keeps
 * one index per memory space, and reports the heap in use after full collections, before and
 * after, and the difference per observation. The caller's vectors are dropped after each insert,
 * as the engine drops a decoded observation, so only what the index keeps is counted.
 *
 * <p>The heap does not depend on how well the graph is built: every neighbour list is allocated at
 * its degree bound when its node is added. So {@code efConstruction} may be lowered to build a
 * large index quickly (for example to 16) without changing the figure; only search quality would
 * differ.
 *
 * <pre>
 * java -Xmx2g -cp benchmarks/target/benchmarks.jar io.detsim.bench.HeapFootprint \
 *     [count] [dimension] [spaces] [efConstruction]
 * </pre>
 *
 * Defaults: 100,000 observations at dimension 128 in one space, with the engine's parameters.
 */
public final class HeapFootprint {
  private static final int GC_ROUNDS = 5;
  private static final int PROGRESS_EVERY = 100_000;

  private HeapFootprint() {}

  public static void main(String[] args) {
    int count = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
    int dimension = args.length > 1 ? Integer.parseInt(args[1]) : 128;
    int spaces = args.length > 2 ? Integer.parseInt(args[2]) : 1;
    HnswParams defaults = HnswParams.defaults(dimension);
    int efConstruction = args.length > 3 ? Integer.parseInt(args[3]) : defaults.efConstruction();
    HnswParams params = new HnswParams(defaults.m(), defaults.m0(), efConstruction, defaults.efSearch(),
        defaults.maxLayers(), dimension);
    System.out.printf("HeapFootprint: count=%d dimension=%d spaces=%d efConstruction=%d maxHeap=%d MiB%n",
        count, dimension, spaces, efConstruction, Runtime.getRuntime().maxMemory() >> 20);

    long before = usedHeapAfterFullGc();
    HnswIndex[] indexes = new HnswIndex[spaces];
    for (int space = 0; space < spaces; space++) {
      indexes[space] = new HnswIndex(params, new Xoshiro256(1 + space));
    }
    Xoshiro256 random = new Xoshiro256(42);
    long start = System.nanoTime();
    long lastReport = start;
    for (int id = 0; id < count; id++) {
      indexes[id % spaces].insert(id, gaussian(random, dimension), 0);
      if ((id + 1) % PROGRESS_EVERY == 0) {
        long now = System.nanoTime();
        System.out.printf("  %,d inserted, %.0f inserts/s over the last %,d%n",
            id + 1, PROGRESS_EVERY / ((now - lastReport) / 1e9), PROGRESS_EVERY);
        lastReport = now;
      }
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    long after = usedHeapAfterFullGc();
    int indexed = 0;
    for (HnswIndex index : indexes) {
      indexed += index.size();
    }
    long held = after - before;
    System.out.printf("inserted %,d in %.1f s (%.0f inserts/s)%n", indexed, seconds, indexed / seconds);
    System.out.printf("heap used after full GC: before %,d bytes, after %,d bytes%n", before, after);
    System.out.printf("held by the indexes: %,d bytes = %.1f MiB, %.1f bytes per observation%n",
        held, held / 1048576.0, held / (double) indexed);
    System.out.printf("extrapolated to 1,000,000 observations: %.2f GiB%n", held / (double) indexed * 1e6 / (1L << 30));
  }

  private static long usedHeapAfterFullGc() {
    MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    for (int i = 0; i < GC_ROUNDS; i++) {
      System.gc();
    }
    return memory.getHeapMemoryUsage().getUsed();
  }

  private static float[] gaussian(Xoshiro256 random, int dimension) {
    float[] vector = new float[dimension];
    for (int i = 0; i < dimension; i++) {
      vector[i] = (float) random.nextGaussian();
    }
    return vector;
  }
}
