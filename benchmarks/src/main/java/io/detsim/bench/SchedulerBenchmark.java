package io.detsim.bench;

import io.detsim.sim.SchedulerHoldModel;
import io.detsim.sim.random.Xoshiro256;
import java.util.PriorityQueue;
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
 * Schedule-and-dispatch throughput of the kernel's event loop with a steady working set of pending
 * events, against the same loop on {@code java.util.PriorityQueue} (one event object per schedule,
 * a comparator on time then sequence: how a simulator is usually first written).
 *
 * <p>Each operation dispatches one event, whose handler schedules one more at a pseudo-random
 * delay, so the queue holds {@code pending} events throughout. Delays come from a precomputed
 * table so that neither side pays for random numbers.
 *
 * <pre>java -jar benchmarks/target/benchmarks.jar SchedulerBenchmark</pre>
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@State(Scope.Thread)
public class SchedulerBenchmark {
  private static final int DELAY_TABLE_SIZE = 1 << 16;

  @Param({"1000", "100000"})
  public int pending;

  private long[] delays;
  private int next;

  private SchedulerHoldModel scheduler;

  private PriorityQueue<BaselineEvent> baseline;
  private long baselineNow;
  private long baselineSequence;
  private long dispatchedChecksum;

  @Setup(Level.Trial)
  public void setUp() {
    Xoshiro256 random = new Xoshiro256(42);
    delays = new long[DELAY_TABLE_SIZE];
    for (int i = 0; i < delays.length; i++) {
      delays[i] = 1 + random.nextLong(1_000_000);
    }
    scheduler = new SchedulerHoldModel(pending);
    baseline = new PriorityQueue<>(pending, BaselineEvent.ORDER);
    for (int i = 0; i < pending; i++) {
      baseline.add(new BaselineEvent(nextDelay(), baselineSequence++, i));
    }
  }

  private long nextDelay() {
    return delays[next++ & (DELAY_TABLE_SIZE - 1)];
  }

  @Benchmark
  public long detsimScheduler() {
    return scheduler.step();
  }

  @Benchmark
  public long priorityQueueBaseline() {
    BaselineEvent event = baseline.poll();
    baselineNow = event.timeNanos;
    dispatchedChecksum += event.arg;
    baseline.add(new BaselineEvent(baselineNow + nextDelay(), baselineSequence++, event.arg + 1));
    return dispatchedChecksum;
  }

  /** The baseline's event: an object per schedule, ordered by time then insertion sequence. */
  static final class BaselineEvent {
    static final java.util.Comparator<BaselineEvent> ORDER = (a, b) -> {
      int byTime = Long.compare(a.timeNanos, b.timeNanos);
      return byTime != 0 ? byTime : Long.compare(a.sequence, b.sequence);
    };

    final long timeNanos;
    final long sequence;
    final long arg;

    BaselineEvent(long timeNanos, long sequence, long arg) {
      this.timeNanos = timeNanos;
      this.sequence = sequence;
      this.arg = arg;
    }
  }
}
