package io.detsim.bench.real;

import io.detsim.engine.real.RecallResult;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BiFunction;
import org.HdrHistogram.Histogram;

/**
 * Recalls at a fixed low rate while the stream runs (the design's "10 recalls/s at P99 < 20 ms
 * during streaming"), open-loop like {@link OpenLoopLoad}: recall {@code i} is due at
 * {@code t0 + i / rate}, and its latency counts from then, so a recall stuck behind the stream is
 * charged in full. Only recalls due during the measurement are recorded.
 */
final class RecallProbe {
  private final BiFunction<String, float[], CompletableFuture<RecallResult>> sink;
  private final Schedule schedule;
  private final EmbeddingPool cues;
  private final List<String> spaces;
  private final List<Pending> pending = new ArrayList<>();
  private Thread thread;

  /** One recall sent: when it was due, and its answer to come, stamped when it came. */
  private record Pending(long intendedNanos, CompletableFuture<Answer> answer) {}

  private record Answer(long atNanos, RecallResult result) {}

  RecallProbe(BiFunction<String, float[], CompletableFuture<RecallResult>> sink, Schedule schedule,
      EmbeddingPool cues, List<String> spaces) {
    this.sink = sink;
    this.schedule = schedule;
    this.cues = cues;
    this.spaces = List.copyOf(spaces);
  }

  void start() {
    thread = new Thread(this::probe, "recall-probe");
    thread.setDaemon(true);
    thread.start();
  }

  /**
   * Waits for the probe to have sent its last recall and for the answers (up to
   * {@code graceNanos} in all), then reads them. Each answer's latency is taken when it completes.
   */
  RecallTally finish(long graceNanos) throws InterruptedException {
    thread.join();
    long deadline = System.nanoTime() + graceNanos;
    Histogram latency = new Histogram(3);
    long refused = 0;
    long unanswered = 0;
    for (Pending recall : pending) {
      if (!schedule.isMeasured(recall.intendedNanos())) {
        continue;
      }
      try {
        long wait = Math.max(0, deadline - System.nanoTime());
        Answer answer = recall.answer().get(wait, TimeUnit.NANOSECONDS);
        latency.recordValue(Math.max(0, answer.atNanos() - recall.intendedNanos()));
        if (answer.result().refusal() != null) {
          refused++;
        }
      } catch (TimeoutException | ExecutionException e) {
        unanswered++;
        latency.recordValue(Math.max(0, System.nanoTime() - recall.intendedNanos()));
      }
    }
    return new RecallTally(latency, refused, unanswered);
  }

  private void probe() {
    long total = schedule.total();
    for (long index = 0; index < total; ) {
      long due = schedule.intendedNanos(index);
      long now = System.nanoTime();
      if (due > now) {
        LockSupport.parkNanos(due - now);
        continue;
      }
      CompletableFuture<RecallResult> answer = sink.apply(spaces.get((int) (index % spaces.size())), cues.get(index));
      // Stamped in the completing thread, at once: reading the clock later would add our own wait.
      pending.add(new Pending(due, answer.thenApply(result -> new Answer(System.nanoTime(), result))));
      index++;
    }
  }
}
