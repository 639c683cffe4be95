package io.detsim.bench.real;

import static org.assertj.core.api.Assertions.assertThat;

import io.detsim.engine.protocol.RejectReason;
import io.detsim.engine.real.OfferResult;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * The generator is open-loop: a sink that stalls does not slow the schedule down, and the stall is
 * charged to every observation due during it (latency from the intended send time), which a
 * closed-loop generator measuring from its own send would hide (coordinated omission).
 *
 * <p>The load runs on {@link TestClock}, which moves only when the load waits or a sink stalls, so
 * the latencies asserted here are the same on an idle machine and a loaded one.
 */
class OpenLoopLoadTest {
  private static final long MS = 1_000_000L;
  private static final List<String> SPACES = List.of("space_a", "space_b");
  private final EmbeddingPool pool = EmbeddingPool.random(4, 16, 1);
  private final TestClock clock = new TestClock();

  /** Time that moves only when the load waits on it, or when a sink says it stalled. */
  private static final class TestClock implements LoadClock {
    private final AtomicLong nanos = new AtomicLong(1_000_000_000L);

    @Override
    public long nanoTime() {
      return nanos.get();
    }

    @Override
    public void parkNanos(long duration) {
      advance(Math.max(0, duration));
    }

    void advance(long duration) {
      nanos.addAndGet(duration);
    }
  }

  @Test
  void aSinkThatBlocksOnce_chargesTheStallToEveryObservationDueDuringIt() throws Exception {
    AtomicLong calls = new AtomicLong();
    long stallMillis = 300;
    OfferSink blocksOnce = (space, embedding) -> {
      if (calls.incrementAndGet() == 200) { // 0.2 s into the measured window at 1,000/s
        clock.advance(stallMillis * MS);
      }
      return CompletableFuture.completedFuture(new OfferResult("id", true, null, 0, 0));
    };
    LoadTally tally = run(blocksOnce, 1_000, 0, 1_000 * MS, 1_000 * MS);

    assertThat(calls.get()).isEqualTo(1_000); // the schedule was kept: nothing skipped after the stall
    assertThat(tally.offered()).isEqualTo(1_000);
    assertThat(tally.acceptedLatency().getTotalCount()).isEqualTo(1_000);
    // About 300 observations were due during the stall: their latency climbs from ~300 ms down to 0.
    assertThat(tally.acceptedLatency().getMaxValue()).isGreaterThanOrEqualTo(280 * MS);
    assertThat(tally.acceptedLatency().getValueAtPercentile(80)).isGreaterThanOrEqualTo(20 * MS);
    // And the load caught up: at least a tenth of the observations (those due well after the
    // stall) carry little of it.
    assertThat(tally.acceptedLatency().getValueAtPercentile(10))
        .isLessThan(tally.acceptedLatency().getMaxValue() - stallMillis * MS / 2);
  }

  @Test
  void aSinkThatHoldsAnswers_showsInTheTail_andUnansweredOnesAreCountedAtTheirLowerBound() throws Exception {
    CompletableFuture<OfferResult> heldUntilTheEnd = new CompletableFuture<>();
    AtomicLong calls = new AtomicLong();
    OfferSink holdsTen = (space, embedding) -> calls.incrementAndGet() % 50 == 0
        ? heldUntilTheEnd
        : CompletableFuture.completedFuture(new OfferResult("id", true, null, 0, 0));
    LoadTally tally = run(holdsTen, 500, 0, 1_000 * MS, 200 * MS);

    assertThat(tally.unanswered()).isEqualTo(10);
    assertThat(tally.acceptedLatency().getTotalCount()).isEqualTo(500); // the unanswered are in, not dropped
    assertThat(tally.acceptedLatency().getMaxValue()).isGreaterThanOrEqualTo(1_000 * MS); // the first held one
  }

  @Test
  void refusalsAreCountedNotRetried_andTheWarmupIsLeftOut() throws Exception {
    AtomicLong calls = new AtomicLong();
    OfferSink refusesHalf = (space, embedding) -> CompletableFuture.completedFuture(calls.incrementAndGet() % 2 == 0
        ? new OfferResult("id", false, RejectReason.OVER_CAPACITY, 1_000, 0)
        : new OfferResult("id", true, null, 0, 0));
    LoadTally tally = run(refusesHalf, 2_000, 250 * MS, 250 * MS, 1_000 * MS);

    assertThat(calls.get()).isEqualTo(1_000); // warm-up and measurement, each observation offered once
    assertThat(tally.offered()).isEqualTo(500);
    assertThat(tally.overCapacity()).isEqualTo(250);
    assertThat(tally.rejectedPercent()).isEqualTo(50.0);
    assertThat(tally.acceptedLatency().getTotalCount()).isEqualTo(250);
    assertThat(tally.acceptedTotal()).isEqualTo(500);
  }

  @Test
  void storeFullRefusals_haveTheirOwnCount_andColumn_apartFromOtherReasons() throws Exception {
    AtomicLong calls = new AtomicLong();
    OfferSink fillsUp = (space, embedding) -> {
      long n = calls.incrementAndGet();
      RejectReason reason = n % 4 == 0 ? RejectReason.STORE_FULL : n % 4 == 1 ? RejectReason.OVER_CAPACITY
          : n % 4 == 2 ? RejectReason.SEQUENCE_GAP : null;
      return CompletableFuture.completedFuture(reason == null ? new OfferResult("id", true, null, 0, 0)
          : new OfferResult("id", false, reason, reason == RejectReason.OVER_CAPACITY ? 1_000 : 0, 0));
    };
    LoadTally tally = run(fillsUp, 2_000, 0, 400 * MS, 1_000 * MS);

    assertThat(tally.offered()).isEqualTo(800);
    assertThat(tally.storeFull()).isEqualTo(200);
    assertThat(tally.overCapacity()).isEqualTo(200);
    assertThat(tally.otherRefusals()).isEqualTo(200);
    assertThat(tally.rejectedPercent()).isEqualTo(75.0);
    PointResult point = new PointResult(new BenchPoint(2_000, 1, 0, 0, 4), tally,
        new RecallTally(new org.HdrHistogram.Histogram(3), 0, 0), 0, 0, 0, 0, 0, 0, 0, 0, null);
    String[] cells = ResultsTable.row(point).split("\\|");
    assertThat(cells[cells.length - 4].trim()).as("the store full column").isEqualTo("200");
    assertThat(cells[cells.length - 3].trim()).as("the other refusals column").isEqualTo("200");
  }

  @Test
  void failedOffers_areCountedWithTheFirstCause_andFailThePointAndItsRow() throws Exception {
    AtomicLong calls = new AtomicLong();
    OfferSink failsAfter100 = (space, embedding) -> calls.incrementAndGet() <= 100
        ? CompletableFuture.completedFuture(new OfferResult("id", true, null, 0, 0))
        : CompletableFuture.failedFuture(new IllegalStateException("the engine failed: the engine's server crashed: "
            + "java.lang.OutOfMemoryError: Java heap space"));
    LoadTally tally = run(failsAfter100, 1_000, 0, 200 * MS, 1_000 * MS);

    assertThat(tally.failedTotal()).isEqualTo(100);
    assertThat(tally.firstFailure()).contains("OutOfMemoryError");
    PointResult point = new PointResult(new BenchPoint(1_000, 1, 0, 0, 4), tally,
        new RecallTally(new org.HdrHistogram.Histogram(3), 0, 0), 0, 0, 0, 0, 0, 0, 0, 0, null);
    assertThat(point.failure()).isEqualTo("100 offers failed, the first with: the engine failed: the engine's server "
        + "crashed: java.lang.OutOfMemoryError: Java heap space");
    String[] cells = ResultsTable.row(point).split("\\|");
    assertThat(cells[cells.length - 1].trim()).as("the failed column").isEqualTo("100");
  }

  /** Runs {@code sink} on a schedule starting 10 ms from now and waits up to {@code graceNanos} for its answers. */
  private LoadTally run(OfferSink sink, long perSecond, long warmupNanos, long measuredNanos, long graceNanos)
      throws Exception {
    OpenLoopLoad load = new OpenLoopLoad(sink, new Schedule(clock.nanoTime() + 10 * MS, perSecond, warmupNanos,
        measuredNanos), pool, SPACES, clock);
    load.start();
    load.awaitSent();
    return load.finish(graceNanos);
  }
}
