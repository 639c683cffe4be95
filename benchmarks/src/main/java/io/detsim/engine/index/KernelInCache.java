package io.detsim.engine.index;

import java.util.function.LongSupplier;

/**
 * The distance kernel's cost when memory costs nothing: the batched kernel the index's search uses
 * ({@link Vectors#distances8}), run again and again on the same eight vectors, which stay in the
 * core's own cache. Set beside the cost of a distance inside an insert ({@code HnswInsertCpuTime}),
 * it tells arithmetic from waiting for memory and from the search's bookkeeping. In the index's
 * package for that one package-private call.
 */
public final class KernelInCache {
  private KernelInCache() {}

  /**
   * CPU nanoseconds per distance at {@code dimension}, over {@code batches} batches of eight,
   * measured with {@code cpuNanos} (the calling thread's CPU time).
   */
  public static double nanosPerDistance(float[] query, float[][] eight, long batches, LongSupplier cpuNanos) {
    if (eight.length != 8) {
      throw new IllegalArgumentException("need eight vectors, got " + eight.length);
    }
    int[] nodes = {0, 1, 2, 3, 4, 5, 6, 7};
    float[] out = new float[8];
    float sink = 0;
    long start = cpuNanos.getAsLong();
    for (long i = 0; i < batches; i++) {
      Vectors.distances8(query, eight, nodes, 0, out);
      sink += out[(int) (i & 7)];
    }
    long spent = cpuNanos.getAsLong() - start;
    if (Float.isNaN(sink)) { // keeps the loop's results alive for the JIT; a unit vector's distance is never NaN
      throw new IllegalStateException("NaN distance");
    }
    return spent / (batches * 8.0);
  }
}
