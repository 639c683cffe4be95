package io.detsim.bench;

import io.detsim.engine.index.HnswIndex;
import io.detsim.sim.random.Xoshiro256;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;

/**
 * How an insert's cost grows with the index: builds one index with the engine's parameters from
 * {@code count} Gaussian vectors (the data of {@link HnswBenchmark}) and prints, for every window of
 * {@code window} inserts, inserts per CPU second of the inserting thread and distances per insert.
 *
 * <p>Its output lines match those of {@code benchmarks/reference/hnswlib/growth.cpp}, which grows
 * the C++ reference implementation (hnswlib) in the same shape over vectors of the same
 * distribution, so that the two curves can be read side by side: whether a cost that grows with
 * the index is the engine's or the algorithm's (docs/benchmarks.md, "The HNSW insert against
 * hnswlib"). The vectors are drawn before the first insert, so drawing them is not timed.
 *
 * <pre>
 * java --add-modules jdk.incubator.vector -cp benchmarks/target/benchmarks.jar \
 *     io.detsim.bench.HnswGrowthCpuTime [dimension] [count] [window]
 * </pre>
 *
 * Defaults: dimension 8, 1,200,000 inserts (the burst space of {@code sustained_10min} at its end),
 * windows of 100,000 (docs/benchmarks.md runs it with {@code -Xmx4g}).
 */
public final class HnswGrowthCpuTime {
  private HnswGrowthCpuTime() {}

  public static void main(String[] args) {
    GrowthArgs growth = GrowthArgs.parse(args, 8, 1_200_000, 100_000);
    int dimension = growth.dimension();
    int window = growth.part();
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    Xoshiro256 random = new Xoshiro256(2);
    float[][] vectors = new float[growth.count()][];
    for (int id = 0; id < vectors.length; id++) {
      vectors[id] = HnswBenchmark.gaussian(random, dimension);
    }
    HnswIndex index = HnswBenchmark.engineIndex(dimension);
    System.out.printf("detsim %s kernel, dimension %d, M 16, efConstruction 200%n", HnswIndex.distanceKernel(), dimension);
    double totalSeconds = 0;
    for (int start = 0; start < vectors.length; start += window) {
      int end = StrictMath.min(start + window, vectors.length);
      long distancesBefore = index.distancesMeasured();
      long cpuBefore = threads.getCurrentThreadCpuTime();
      for (int id = start; id < end; id++) {
        index.insert(id, vectors[id], 0);
      }
      double seconds = (threads.getCurrentThreadCpuTime() - cpuBefore) / 1e9;
      totalSeconds += seconds;
      System.out.printf("detsim nodes %9d: %9.1f us an insert, %8.0f inserts per CPU second, %6.0f distances an insert%n",
          end, seconds / (end - start) * 1e6, (end - start) / seconds,
          (index.distancesMeasured() - distancesBefore) / (double) (end - start));
    }
    System.out.printf("detsim total %d inserts: %.1f CPU s, %.0f inserts per CPU second; digest %s%n", vectors.length,
        totalSeconds, vectors.length / totalSeconds, Long.toHexString(index.structuralDigest()));
  }
}
