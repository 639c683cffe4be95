package io.detsim.bench;

import io.detsim.engine.protocol.Priority;
import io.detsim.engine.queue.Admission;
import io.detsim.engine.queue.Batch;
import io.detsim.engine.queue.ObservationQueue;
import io.detsim.engine.queue.QueueOptions;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Enqueue-and-dequeue throughput of the engine's admission queue at a steady depth.
 *
 * <p>The queue is filled to {@code depth} items first; then each operation offers one item and
 * takes one, so the depth holds. Offers go to the three lanes in a fixed cycle of eight (one HIGH,
 * five NORMAL, two LOW), and the virtual clock advances 1 µs per offer, so LOW items are promoted
 * once they have waited the default second, as under a real stream. The capacity is four times the
 * largest depth, so the queue stays below WARNING and no offer is refused: this measures the admit
 * and serve paths, not back-pressure. {@code pollOne} serves one item per poll (the worst case for
 * per-poll overhead); {@code pollBatch} offers {@value #BATCH} items, then serves them in one poll,
 * as a worker does.
 *
 * <pre>java -jar benchmarks/target/benchmarks.jar ObservationQueueBenchmark [-prof gc]</pre>
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@State(Scope.Thread)
public class ObservationQueueBenchmark {
  static final int BATCH = 100;
  private static final int CAPACITY = 400_000;
  private static final Priority[] LANE_CYCLE = {
    Priority.HIGH, Priority.NORMAL, Priority.NORMAL, Priority.LOW,
    Priority.NORMAL, Priority.NORMAL, Priority.LOW, Priority.NORMAL
  };
  private static final long STEP_NANOS = 1_000L;

  @Param({"0", "1000", "100000"})
  public int depth;

  private ObservationQueue<Long> queue;
  private long nowNanos;
  private long sequence;

  @Setup(Level.Trial)
  public void setUp() {
    queue = new ObservationQueue<>(QueueOptions.ofCapacity(CAPACITY));
    for (int i = 0; i < depth; i++) {
      offerNext();
    }
  }

  @Benchmark
  public Batch<Long> pollOne() {
    offerNext();
    return queue.poll(1, nowNanos);
  }

  @Benchmark
  @OperationsPerInvocation(BATCH)
  public Batch<Long> pollBatch() {
    for (int i = 0; i < BATCH; i++) {
      offerNext();
    }
    return queue.poll(BATCH, nowNanos);
  }

  private void offerNext() {
    long item = sequence++;
    nowNanos += STEP_NANOS;
    Admission admission = queue.offer(item, LANE_CYCLE[(int) (item & 7)], nowNanos);
    if (!admission.isAdmitted()) {
      throw new IllegalStateException("the benchmark's queue must never refuse: " + admission);
    }
  }
}
