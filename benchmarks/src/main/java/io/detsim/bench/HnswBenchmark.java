package io.detsim.bench;

import io.detsim.engine.index.HnswIndex;
import io.detsim.engine.index.HnswParams;
import io.detsim.engine.index.Neighbour;
import io.detsim.sim.random.Xoshiro256;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Insert and search throughput of one HNSW index with the engine's parameters
 * ({@link HnswParams#defaults}: M 16, M0 32, efConstruction 200, efSearch 64), single-threaded as
 * a worker runs it, at dimensions 32, 128 and 768.
 *
 * <p>Vectors are Gaussian, so their directions are uniform: the hardest case for an ANN index, and
 * the one HnswRecallTest uses. {@code insert} starts from an index of {@value #PRELOADED_FOR_INSERT}
 * nodes and keeps inserting fresh vectors, so the index grows by what the iterations insert (a few
 * thousand nodes at dimension 768, more at 32), and later iterations are slower. At dimension 768
 * much slower: uniform directions in 768 dimensions leave the graph no low-dimensional structure to
 * exploit, so a search visits a growing share of the nodes (measured before the batched distances,
 * in thread CPU time: about 1,000 inserts/s from 1,000 to 2,000 nodes, 330/s from 5,000 to 6,000).
 * Compare figures only at the same settings. Each insert also pays for drawing its Gaussian
 * vector, a small fraction of the insert and the same before and after any change to the index.
 * {@code search} asks for the 10 nearest of one of {@value #QUERIES} precomputed queries in
 * an index of {@value #INDEXED_FOR_SEARCH} nodes.
 *
 * <pre>java -jar benchmarks/target/benchmarks.jar HnswBenchmark [-p dimension=768] [-prof gc]</pre>
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
public class HnswBenchmark {
  static final int PRELOADED_FOR_INSERT = 5_000;
  static final int INDEXED_FOR_SEARCH = 10_000;
  static final int QUERIES = 1_024;
  private static final int K = 10;

  /** The per-insert state: an index that keeps growing, and the generator of fresh vectors. */
  @State(Scope.Thread)
  public static class Growing {
    @Param({"32", "128", "768"})
    public int dimension;

    HnswIndex index;
    Xoshiro256 random;
    long nextId;

    @Setup(Level.Trial)
    public void setUp() {
      index = engineIndex(dimension);
      random = new Xoshiro256(2);
      while (nextId < PRELOADED_FOR_INSERT) {
        index.insert(nextId++, gaussian(random, dimension), 0);
      }
    }
  }

  /** The per-search state: a fixed index and a ring of queries. */
  @State(Scope.Thread)
  public static class Built {
    @Param({"32", "128", "768"})
    public int dimension;

    HnswIndex index;
    float[][] queries;
    int nextQuery;

    @Setup(Level.Trial)
    public void setUp() {
      index = engineIndex(dimension);
      Xoshiro256 random = new Xoshiro256(2);
      for (int id = 0; id < INDEXED_FOR_SEARCH; id++) {
        index.insert(id, gaussian(random, dimension), 0);
      }
      queries = new float[QUERIES][];
      for (int i = 0; i < QUERIES; i++) {
        queries[i] = gaussian(random, dimension);
      }
    }
  }

  @Benchmark
  public boolean insert(Growing state) {
    return state.index.insert(state.nextId++, gaussian(state.random, state.dimension), 0);
  }

  @Benchmark
  public List<Neighbour> search(Built state) {
    float[] query = state.queries[state.nextQuery++ & (QUERIES - 1)];
    return state.index.search(query, K, Long.MAX_VALUE);
  }

  /** The index every HNSW benchmark here builds: the engine's parameters, its levels drawn from seed 1. */
  static HnswIndex engineIndex(int dimension) {
    return new HnswIndex(HnswParams.defaults(dimension), new Xoshiro256(1));
  }

  static float[] gaussian(Xoshiro256 random, int dimension) {
    float[] vector = new float[dimension];
    for (int i = 0; i < dimension; i++) {
      vector[i] = (float) random.nextGaussian();
    }
    return vector;
  }
}
