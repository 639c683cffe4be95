package io.detsim.bench;

import io.detsim.engine.index.HnswIndex;
import io.detsim.sim.random.Xoshiro256;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Locale;

/**
 * What the scenarios' integrity checkpoints cost per insert as an index grows, in the inserting
 * thread's CPU time: builds one index with the engine's parameters from Gaussian vectors (the data
 * of {@link HnswBenchmark}) and checks it incrementally ({@link HnswIndex#checkIntegritySinceLastCheck})
 * every {@code every} inserts, as the engine's scenarios do at their checkpoints. The first check is a
 * full one and starts the change log.
 *
 * <p>Each checkpoint prints the check's CPU time per insert since the last, the inserts' own time per
 * insert, and the ratio of the two: the ratio compares two figures of the same process and the same
 * moment, so it holds where the absolute figures move with the machine's other load (two runs of the
 * same code here differ by a fifth).
 *
 * <pre>
 * java --add-modules jdk.incubator.vector -cp benchmarks/target/benchmarks.jar \
 *     io.detsim.bench.IntegrityCheckCpuTime [dimension] [count] [every]
 * </pre>
 *
 * Defaults: dimension 8 (the scenarios'), 225,000 inserts, a check every 45,000 (sustained_10min
 * inserts about that many between two of its checkpoints).
 */
public final class IntegrityCheckCpuTime {
  private IntegrityCheckCpuTime() {}

  public static void main(String[] args) {
    GrowthArgs growth = GrowthArgs.parse(args, 8, 225_000, 45_000);
    HnswIndex index = HnswBenchmark.engineIndex(growth.dimension());
    index.checkIntegritySinceLastCheck(); // starts the change log, as a scenario's first checkpoint does
    int every = growth.part();
    Xoshiro256 random = new Xoshiro256(2);
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    long insertNanos = 0;
    for (int id = 0; id < growth.count(); id++) {
      float[] vector = HnswBenchmark.gaussian(random, growth.dimension());
      long before = threads.getCurrentThreadCpuTime();
      index.insert(id, vector, id);
      long inserted = threads.getCurrentThreadCpuTime();
      insertNanos += inserted - before;
      if ((id + 1) % every == 0) {
        int violations = index.checkIntegritySinceLastCheck().size();
        long checkNanos = threads.getCurrentThreadCpuTime() - inserted;
        System.out.printf(Locale.ROOT,
            "nodes %,9d: check %7.1f ms, %6.2f us an insert; inserts %7.1f us each; check/insert %.4f; violations %d%n",
            id + 1, checkNanos / 1e6, checkNanos / 1e3 / every, insertNanos / 1e3 / every,
            checkNanos / (double) insertNanos, violations);
        insertNanos = 0;
      }
    }
  }
}
