package io.detsim.bench.real;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * Samples the engine's indexed count and queue depth every 100 ms. The embedded API answers an
 * offer at ACCEPTED and keeps the per-observation INDEXED acknowledgement to itself, so indexing is
 * measured as a throughput (indexed count over time), not as a latency per observation.
 */
final class IndexedPoller {
  static final long PERIOD_NANOS = 100_000_000L;

  /** One reading: when it came back, the observations indexed so far, the queue's depth. */
  record Sample(long atNanos, long indexed, long queueDepth) {}

  private final Supplier<long[]> reader; // {indexed, queueDepth}
  private final List<Sample> samples = new ArrayList<>();
  private volatile boolean stopping;
  private long failures; // touched by the poller's thread; read after join
  private Thread thread;

  IndexedPoller(Supplier<long[]> reader) {
    this.reader = reader;
  }

  void start() {
    thread = new Thread(this::poll, "indexed-poller");
    thread.setDaemon(true);
    thread.start();
  }

  List<Sample> stop() throws InterruptedException {
    stopping = true;
    thread.join();
    if (failures > 1) {
      System.err.println("indexed poller: " + failures + " readings failed");
    }
    return List.copyOf(samples);
  }

  private void poll() {
    long next = System.nanoTime();
    while (!stopping) {
      try {
        long[] reading = reader.get();
        samples.add(new Sample(System.nanoTime(), reading[0], reading[1]));
      } catch (RuntimeException e) { // the server did not answer in time: a gap in the samples, not the end
        if (failures++ == 0) { // a failed engine fails every reading: once is enough to say so
          System.err.println("indexed poller: " + e.getMessage() + " (further failures are counted)");
        }
      }
      next += PERIOD_NANOS;
      long sleep = next - System.nanoTime();
      if (sleep > 0) {
        try {
          Thread.sleep(sleep / 1_000_000, (int) (sleep % 1_000_000));
        } catch (InterruptedException e) {
          return;
        }
      } else {
        next = System.nanoTime(); // a slow answer: sample again at once, then at the period
      }
    }
  }

  /** Observations indexed per second between two times, interpolated between the samples. */
  static double ratePerSecond(List<Sample> samples, long fromNanos, long toNanos) {
    if (samples.size() < 2 || toNanos <= fromNanos) {
      return 0;
    }
    return (indexedAt(samples, toNanos) - indexedAt(samples, fromNanos)) * 1e9 / (toNanos - fromNanos);
  }

  /** The deepest queue seen between two times; 0 without samples. */
  static long maxQueueDepth(List<Sample> samples, long fromNanos, long toNanos) {
    long max = 0;
    for (Sample sample : samples) {
      if (sample.atNanos() >= fromNanos && sample.atNanos() <= toNanos) {
        max = Math.max(max, sample.queueDepth());
      }
    }
    return max;
  }

  static double indexedAt(List<Sample> samples, long atNanos) {
    Sample before = samples.get(0);
    if (atNanos <= before.atNanos()) {
      return before.indexed();
    }
    for (Sample after : samples) {
      if (after.atNanos() >= atNanos) {
        double fraction = (atNanos - before.atNanos()) / (double) Math.max(1, after.atNanos() - before.atNanos());
        return before.indexed() + fraction * (after.indexed() - before.indexed());
      }
      before = after;
    }
    return before.indexed();
  }
}
