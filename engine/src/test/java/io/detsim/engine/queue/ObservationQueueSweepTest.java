package io.detsim.engine.queue;

import static org.assertj.core.api.Assertions.assertThat;

import io.detsim.engine.planted.EngineMutant;
import io.detsim.engine.protocol.Priority;
import io.detsim.engine.protocol.RejectReason;
import io.detsim.sim.port.RandomSource;
import io.detsim.sim.port.Ratio;
import io.detsim.sim.random.Xoshiro256;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * Seeded random offers and polls, checked against a model after every step: every offer is
 * admitted or refused with a reason, no admitted item is lost or served twice, depth never exceeds a
 * capacity, and the serving order is strict priority with LOW promotion. On failure the message
 * names the seed and step; rerun with that seed.
 */
class ObservationQueueSweepTest {
  static final int SEEDS = 40;
  static final int STEPS = 3_000;

  @Test
  void randomOffersAndPolls_keepEveryInvariant() {
    long promoted = 0;
    long laneFull = 0;
    long overloaded = 0;
    for (long seed = 1; seed <= SEEDS; seed++) {
      Sweep sweep = new Sweep(seed, options(new Xoshiro256(seed)), false);
      sweep.run();
      assertThat(sweep.lost()).as("seed %d lost items", seed).isZero();
      QueueStats stats = sweep.queue.stats();
      assertThat(stats.admitted()).isEqualTo(stats.dequeued()).isEqualTo(sweep.admitted);
      promoted += stats.promoted();
      laneFull += stats.rejectedLaneFull();
      overloaded += stats.rejectedOverloaded();
    }
    // the sweep reached every rule it claims to check
    assertThat(promoted).isPositive();
    assertThat(laneFull).isPositive();
    assertThat(overloaded).isPositive();
  }

  /** The sweep's checks have teeth: with the silent-drop mutant on, some seed loses an item. */
  @Test
  void randomOffersAndPolls_catchTheSilentDropMutant() {
    long lost = 0;
    for (long seed = 1; seed <= SEEDS; seed++) {
      Sweep sweep = new Sweep(seed, options(new Xoshiro256(seed)), true);
      sweep.run();
      lost += sweep.lost();
    }
    assertThat(lost).isPositive();
  }

  static QueueOptions options(RandomSource random) {
    int high = random.nextInt(20);
    int normal = 1 + random.nextInt(60);
    int low = random.nextInt(40);
    int total = 1 + random.nextInt(high + normal + low);
    return QueueOptions.defaults().withLaneCapacities(high, normal, low).withTotalCapacity(total)
        .withLowPromotionNanos(random.nextLong(0, 300)).withRateWindowNanos(random.nextLong(10, 2_000));
  }

  /** One run: a queue, a model of what it must hold, and the checks between them. */
  static final class Sweep {
    final long seed;
    final QueueOptions options;
    final boolean dropsSilently;
    final RandomSource random;
    final ObservationQueue<Integer> queue;
    final Map<Priority, ArrayDeque<Queued<Integer>>> model = new EnumMap<>(Priority.class);
    final List<Integer> served = new ArrayList<>();
    PressureState lastState = PressureState.NORMAL;
    long now;
    long latest = Long.MIN_VALUE;
    int admitted;
    int nextId;
    int step;

    Sweep(long seed, QueueOptions options, boolean dropsSilently) {
      this.seed = seed;
      this.options = options;
      this.random = new Xoshiro256(seed * 31 + 7);
      this.dropsSilently = dropsSilently;
      this.queue = new ObservationQueue<>(options,
          dropsSilently ? Set.of(EngineMutant.FULL_LANE_DROPS_SILENTLY) : Set.of());
      for (Priority priority : Priority.values()) {
        model.put(priority, new ArrayDeque<>());
      }
    }

    void run() {
      for (step = 0; step < STEPS; step++) {
        now += random.chance(Ratio.of(1, 50)) ? -random.nextLong(0, 500) : random.nextLong(0, 20);
        latest = StrictMath.max(latest, now);
        if (random.nextInt(10) < 6) {
          offer(Priority.values()[random.nextInt(3)]);
        } else {
          poll(random.nextInt(11));
        }
        checkDepths();
      }
      while (queue.depth() > 0) {
        poll(1 + random.nextInt(50));
      }
    }

    /** Admitted items that were never served. */
    long lost() {
      return admitted - served.size();
    }

    void offer(Priority priority) {
      int id = nextId++;
      int laneDepth = model.get(priority).size();
      long depth = depth();
      Admission admission = queue.offer(id, priority, now);
      if (admission.isAdmitted()) {
        admitted++;
        boolean mutated = dropsSilently && laneDepth >= options.capacity(priority);
        if (!mutated) {
          that(laneDepth < options.capacity(priority) && depth * 100 < options.totalCapacity() * 95L, () -> "admitted over capacity");
          model.get(priority).addLast(new Queued<>(id, priority, latest, false));
        }
        checkState(admission.state(), admission.stateChanged());
        return;
      }
      checkState(admission.state(), admission.stateChanged());
      that(admission.rejectReason().equals(Optional.of(RejectReason.OVER_CAPACITY)), () -> "refused without reason");
      that(admission.retryAfterNanos() >= 1_000_000 && admission.retryAfterNanos() <= options.retryAfterMaxNanos(),
          () -> "retry-after out of bounds: " + admission.retryAfterNanos());
      boolean overloaded = depth * 100 >= options.totalCapacity() * 95L;
      that(admission.outcome() == (overloaded ? Admission.Outcome.OVERLOADED : Admission.Outcome.LANE_FULL)
          && (overloaded || laneDepth >= options.capacity(priority)), () -> "refused wrongly: " + admission);
    }

    void poll(int maxBatch) {
      Batch<Integer> batch = queue.poll(maxBatch, now);
      that(batch.size() == StrictMath.min(maxBatch, depth()), () -> "batch of " + batch.size());
      for (Queued<Integer> taken : batch.items()) {
        checkServingOrder(taken);
        served.add(taken.item());
      }
      checkState(batch.state(), batch.stateChanged());
    }

    void checkServingOrder(Queued<Integer> taken) {
      Queued<Integer> high = model.get(Priority.HIGH).peekFirst();
      Queued<Integer> normal = model.get(Priority.NORMAL).peekFirst();
      Queued<Integer> low = model.get(Priority.LOW).peekFirst();
      boolean lowDue = low != null && latest - low.enqueuedAtNanos() >= options.lowPromotionNanos()
          && (normal == null || low.enqueuedAtNanos() <= normal.enqueuedAtNanos());
      Priority expected = high != null ? Priority.HIGH : lowDue || normal == null ? Priority.LOW : Priority.NORMAL;
      Queued<Integer> head = model.get(expected).pollFirst();
      that(head != null && head.item().equals(taken.item()), () -> "served " + taken + ", expected head of " + expected);
      that(taken.promoted() == (expected == Priority.LOW && normal != null), () -> "promotion flag wrong: " + taken);
      that(taken.enqueuedAtNanos() == head.enqueuedAtNanos(), () -> "enqueue time changed: " + taken);
    }

    void checkState(PressureState state, boolean changed) {
      that(state == PressureState.of(depth(), options.totalCapacity()), () -> "state " + state + " at depth " + depth());
      that(changed == (state != lastState), () -> "change flag " + changed + " going " + lastState + " -> " + state);
      that(state == queue.pressureState(), () -> "state getter disagrees");
      lastState = state;
    }

    void checkDepths() {
      that(queue.depth() == depth() && queue.depth() <= options.totalCapacity(), () -> "depth " + queue.depth());
      for (Priority priority : Priority.values()) {
        that(queue.depth(priority) == model.get(priority).size() && queue.depth(priority) <= options.capacity(priority),
            () -> "lane " + priority + " depth " + queue.depth(priority));
      }
    }

    long depth() {
      return model.values().stream().mapToLong(ArrayDeque::size).sum();
    }

    void that(boolean condition, Supplier<String> what) {
      if (!condition) {
        throw new AssertionError("seed " + seed + ", step " + step + ": " + what.get() + " (" + options + ")");
      }
    }
  }
}
