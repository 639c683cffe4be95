package io.detsim.bench.real;

import io.detsim.engine.protocol.RejectReason;
import io.detsim.engine.real.OfferResult;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.atomic.LongAdder;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/**
 * An open-loop load generator: one dedicated thread offers observation {@code i} at its intended
 * time {@code t0 + i / rate} and never waits for an answer; each answer's latency is measured from
 * that intended time, not from the moment the call was made.
 *
 * <p>Why: a generator that waits for answers, or that measures from when it actually got round to
 * sending, stops sending while the system stalls, and so records one slow answer where a real
 * stream would have seen thousands. Gil Tene calls this <em>coordinated omission</em>: "the
 * measurement system coordinates with the system under test, avoiding measuring outliers"
 * (G. Tene, "How NOT to Measure Latency", Strange Loop 2015; the HdrHistogram documentation of
 * {@code recordValueWithExpectedInterval}). Measuring from the schedule charges a stall, including
 * one of this generator's own thread or of a blocking {@link OfferSink} call, to every observation
 * that was due during it.
 *
 * <p>Refusals are counted and never retried: an open-loop client does not slow down, so the
 * refusal rate is the engine's answer to the offered load. Answers to observations due during the
 * warm-up are not recorded. Observations still unanswered when {@link #finish} gives up are counted
 * as such and recorded with the latency they had reached, a lower bound, so that a stuck engine
 * shows in the tail instead of vanishing from it.
 */
final class OpenLoopLoad {
  /** How often {@link #finish} looks for the last answers. */
  private static final long GRACE_POLL_NANOS = 10_000_000L;

  private final OfferSink sink;
  private final Schedule schedule;
  private final EmbeddingPool pool;
  private final List<String> spaces;
  private final LoadClock clock;
  private final Recorder acceptedLatency = new Recorder(3);
  private final AtomicLongArray answered; // one bit per observation: answered, or given up on
  private final LongAdder accepted = new LongAdder();
  private final LongAdder acceptedDuringMeasurement = new LongAdder(); // by the time of the answer
  private final LongAdder overCapacity = new LongAdder();
  private final LongAdder storeFull = new LongAdder();
  private final LongAdder otherRefusals = new LongAdder();
  private final LongAdder failed = new LongAdder();
  private final LongAdder answers = new LongAdder();
  private final AtomicReference<String> firstFailure = new AtomicReference<>();
  private Thread thread;

  OpenLoopLoad(OfferSink sink, Schedule schedule, EmbeddingPool pool, List<String> spaces) {
    this(sink, schedule, pool, spaces, LoadClock.SYSTEM);
  }

  /** A load on {@code clock}, which {@code schedule}'s times are read on. */
  OpenLoopLoad(OfferSink sink, Schedule schedule, EmbeddingPool pool, List<String> spaces, LoadClock clock) {
    this.clock = clock;
    this.sink = sink;
    this.schedule = schedule;
    this.pool = pool;
    this.spaces = List.copyOf(spaces);
    this.answered = new AtomicLongArray((int) ((schedule.total() + 63) / 64));
  }

  /** Starts the generator's thread; it ends after the last intended send time. */
  void start() {
    thread = new Thread(this::generate, "open-loop-load");
    thread.setDaemon(true);
    thread.start();
  }

  /** Waits for the generator to have sent everything. */
  void awaitSent() throws InterruptedException {
    thread.join();
  }

  /**
   * Waits up to {@code graceNanos} for the last answers, then closes the books: what is still
   * unanswered is counted, and recorded at the latency it has reached.
   */
  LoadTally finish(long graceNanos) throws InterruptedException {
    long total = schedule.total();
    long deadline = clock.nanoTime() + graceNanos;
    while (answers.sum() < total && clock.nanoTime() < deadline) {
      clock.parkNanos(GRACE_POLL_NANOS);
      if (Thread.interrupted()) {
        throw new InterruptedException("interrupted while waiting for the last answers");
      }
    }
    long now = clock.nanoTime();
    long unansweredMeasured = 0;
    long unanswered = 0;
    for (long i = 0; i < total; i++) {
      if (claim(i)) { // no answer came: nobody may record it after this
        unanswered++;
        long intended = schedule.intendedNanos(i);
        if (schedule.isMeasured(intended)) {
          unansweredMeasured++;
          acceptedLatency.recordValue(Math.max(0, now - intended));
        }
      }
    }
    Histogram latency = acceptedLatency.getIntervalHistogram();
    return new LoadTally(measuredCount(), latency, acceptedDuringMeasurement.sum() / schedule.measureSeconds(),
        overCapacity.sum(), storeFull.sum(), otherRefusals.sum(), failed.sum(), unanswered, unansweredMeasured, accepted.sum(),
        firstFailure.get());
  }

  // ---- the generator's thread ----

  private void generate() {
    long total = schedule.total();
    long index = 0;
    while (index < total) {
      long due = schedule.intendedNanos(index);
      long now = clock.nanoTime();
      if (due > now) {
        // Parking costs ~50 us however short the request, so at high rates the thread wakes to a
        // few overdue observations and sends them together; their latency still counts from due.
        clock.parkNanos(due - now);
        continue;
      }
      send(index++);
    }
  }

  private void send(long index) {
    long intended = schedule.intendedNanos(index);
    CompletableFuture<OfferResult> answer;
    try {
      answer = sink.offer(spaces.get((int) (index % spaces.size())), pool.get(index));
    } catch (RuntimeException e) {
      onAnswer(index, intended, null, e);
      return;
    }
    answer.whenComplete((result, error) -> onAnswer(index, intended, result, error));
  }

  // ---- answers: on the sink's thread (the engine's client) ----

  private void onAnswer(long index, long intended, OfferResult result, Throwable error) {
    long now = clock.nanoTime();
    if (!claim(index)) {
      return; // given up on already, and recorded as unanswered
    }
    answers.increment();
    boolean measured = schedule.isMeasured(intended);
    if (error != null || result == null) {
      failed.increment();
      firstFailure.compareAndSet(null, describe(error));
    } else if (result.accepted()) {
      accepted.increment();
      if (now >= schedule.measureStartNanos() && now < schedule.measureEndNanos()) {
        acceptedDuringMeasurement.increment();
      }
      if (measured) {
        acceptedLatency.recordValue(Math.max(0, now - intended));
      }
    } else if (measured && result.reason() == RejectReason.OVER_CAPACITY) {
      overCapacity.increment();
    } else if (measured && result.reason() == RejectReason.STORE_FULL) {
      storeFull.increment();
    } else if (measured) {
      otherRefusals.increment();
    }
  }

  /** A failed future's error, unwrapped: the engine's message says why it failed. */
  private static String describe(Throwable error) {
    Throwable cause = error;
    while (cause instanceof CompletionException && cause.getCause() != null) {
      cause = cause.getCause();
    }
    return cause == null ? "no answer and no error" : String.valueOf(cause.getMessage());
  }

  /** Marks observation {@code index} as settled; true for the one caller that settled it. */
  private boolean claim(long index) {
    int word = (int) (index >>> 6);
    long bit = 1L << (index & 63);
    while (true) {
      long bits = answered.get(word);
      if ((bits & bit) != 0) {
        return false;
      }
      if (answered.compareAndSet(word, bits, bits | bit)) {
        return true;
      }
    }
  }

  private long measuredCount() {
    long count = 0;
    for (long i = 0; i < schedule.total(); i++) {
      if (schedule.isMeasured(schedule.intendedNanos(i))) {
        count++;
      }
    }
    return count;
  }
}
