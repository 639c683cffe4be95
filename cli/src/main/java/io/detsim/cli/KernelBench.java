package io.detsim.cli;

import io.detsim.sim.SchedulerHoldModel;
import io.detsim.sim.random.Xoshiro256;
import java.util.Arrays;
import java.util.Comparator;
import java.util.PriorityQueue;

/**
 * The kernel's schedule-and-dispatch loop against the same loop on {@link PriorityQueue}: the
 * shape of the benchmarks module's {@code SchedulerBenchmark}, timed by hand so that {@code detsim
 * bench} needs no JMH. Each step dispatches one event whose handler schedules one more at a delay
 * from a precomputed table, so {@code pending} events stay queued throughout. Rounds of the two
 * loops alternate, after warm-up rounds, and the median round is reported: a shared machine's noise
 * then falls on both sides alike.
 */
final class KernelBench {
  private static final int DELAY_TABLE_SIZE = 1 << 16;

  /** Events per second of the kernel and of the baseline, medians of their rounds. */
  record Figures(int pending, double eventsPerSecond, double baselinePerSecond) {
    double ratio() {
      return eventsPerSecond / baselinePerSecond;
    }
  }

  private final long[] delays = new long[DELAY_TABLE_SIZE];
  private int next;
  private long checksum;

  private KernelBench() {
    Xoshiro256 random = new Xoshiro256(42);
    for (int i = 0; i < delays.length; i++) {
      delays[i] = 1 + random.nextLong(1_000_000);
    }
  }

  static Figures measure(int pending, int warmupRounds, int rounds, int stepsPerRound) {
    KernelBench bench = new KernelBench();
    SchedulerHoldModel scheduler = new SchedulerHoldModel(pending);
    PriorityQueue<BaselineEvent> baseline = new PriorityQueue<>(pending, BaselineEvent.ORDER);
    long[] baselineClock = new long[2]; // now, sequence
    for (int i = 0; i < pending; i++) {
      baseline.add(new BaselineEvent(bench.nextDelay(), baselineClock[1]++, i));
    }
    double[] kernelRates = new double[rounds];
    double[] baselineRates = new double[rounds];
    for (int round = -warmupRounds; round < rounds; round++) {
      long start = System.nanoTime();
      for (int step = 0; step < stepsPerRound; step++) {
        bench.checksum += scheduler.step();
      }
      long kernelNanos = System.nanoTime() - start;
      start = System.nanoTime();
      for (int step = 0; step < stepsPerRound; step++) {
        BaselineEvent event = baseline.poll();
        baselineClock[0] = event.timeNanos;
        bench.checksum += event.arg;
        baseline.add(new BaselineEvent(baselineClock[0] + bench.nextDelay(), baselineClock[1]++, event.arg + 1));
      }
      long baselineNanos = System.nanoTime() - start;
      if (round >= 0) {
        kernelRates[round] = stepsPerRound / (kernelNanos / 1e9);
        baselineRates[round] = stepsPerRound / (baselineNanos / 1e9);
      }
    }
    if (bench.checksum == 42) { // never: keeps the loops' work observable
      throw new AssertionError("checksum");
    }
    return new Figures(pending, median(kernelRates), median(baselineRates));
  }

  private long nextDelay() {
    return delays[next++ & (DELAY_TABLE_SIZE - 1)];
  }

  private static double median(double[] values) {
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    return sorted.length % 2 == 1 ? sorted[sorted.length / 2]
        : (sorted[sorted.length / 2 - 1] + sorted[sorted.length / 2]) / 2;
  }

  /** The baseline's event: an object per schedule, ordered by time then insertion sequence. */
  private static final class BaselineEvent {
    static final Comparator<BaselineEvent> ORDER = (a, b) -> {
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
