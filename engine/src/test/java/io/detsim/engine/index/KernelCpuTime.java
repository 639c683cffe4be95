package io.detsim.engine.index;

import io.detsim.sim.random.Xoshiro256;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;

/**
 * The scalar and the vector distance kernels timed in one process, in the thread's CPU time, for
 * a working set of {@code count} vectors of dimension 768: 64 fit in L2, thousands do not, and the
 * gain of the Vector API falls as memory, not arithmetic, becomes the bound. Not a test; run with
 * the module added, after {@code mvn test-compile -pl engine -am}:
 *
 * <pre>
 * java --add-modules jdk.incubator.vector -cp engine/target/classes:engine/target/test-classes:ports/target/classes \
 *     io.detsim.engine.index.KernelCpuTime [count]
 * </pre>
 *
 * Four rounds alternate scalar and vector; the first round includes compilation.
 */
final class KernelCpuTime {
  private static final int DIMENSION = 768;

  private KernelCpuTime() {}

  public static void main(String[] args) {
    int count = args.length > 0 ? Integer.parseInt(args[0]) : 64;
    Xoshiro256 random = new Xoshiro256(1);
    float[][] vectors = new float[count][];
    int[] nodes = new int[count];
    for (int i = 0; i < count; i++) {
      vectors[i] = Vectors.normalisedCopy(TestVectors.randomVector(random, DIMENSION), DIMENSION, "bench");
      nodes[i] = (int) random.nextLong(count); // a random visiting order, as a graph search has
    }
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    float[] out = new float[count];
    float sink = 0;
    for (int round = 0; round < 4; round++) {
      for (boolean vector : new boolean[] {false, true}) {
        long start = threads.getCurrentThreadCpuTime();
        int measured = 0;
        while (measured < 1_600_000) {
          for (int from = 0; from + 8 <= count; from += 8) {
            float[] query = vectors[nodes[(from + measured) % count]];
            if (vector) {
              VectorKernels.distances8(query, vectors, nodes, from, out);
            } else {
              ScalarKernels.distances8(query, vectors, nodes, from, out);
            }
            measured += 8;
          }
          sink += out[0];
        }
        long middle = threads.getCurrentThreadCpuTime();
        for (int i = 0; i < 200_000; i++) {
          float[] a = vectors[nodes[i % count]];
          float[] b = vectors[(i * 7) % count];
          sink += vector ? VectorKernels.dot(a, b) : ScalarKernels.dot(a, b);
        }
        long end = threads.getCurrentThreadCpuTime();
        System.out.printf("round %d %-6s: distances8 %5.1f ns per distance, dot %5.1f ns%n", round,
            vector ? "vector" : "scalar", (middle - start) / (double) measured, (end - middle) / 200_000.0);
      }
    }
    System.out.println("(sum " + sink + ")");
  }
}
