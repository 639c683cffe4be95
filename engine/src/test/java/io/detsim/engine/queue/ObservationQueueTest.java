package io.detsim.engine.queue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.detsim.engine.planted.EngineMutant;
import io.detsim.engine.protocol.Priority;
import io.detsim.engine.protocol.RejectReason;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class ObservationQueueTest {
  static final long SECOND = 1_000_000_000L;

  static List<String> items(Batch<String> batch) {
    return batch.items().stream().map(Queued::item).collect(Collectors.toList());
  }

  @Test
  void poll_servesLanesInStrictPriorityAndFifoWithin() {
    ObservationQueue<String> queue = new ObservationQueue<>(QueueOptions.defaults());
    queue.offer("low-1", Priority.LOW, 0);
    queue.offer("normal-1", Priority.NORMAL, 1);
    queue.offer("high-1", Priority.HIGH, 2);
    queue.offer("normal-2", Priority.NORMAL, 3);
    queue.offer("high-2", Priority.HIGH, 4);
    assertThat(queue.depth(Priority.HIGH)).isEqualTo(2);
    assertThat(queue.depth(Priority.NORMAL)).isEqualTo(2);
    assertThat(queue.depth(Priority.LOW)).isEqualTo(1);
    assertThat(items(queue.poll(3, 5))).containsExactly("high-1", "high-2", "normal-1");
    assertThat(items(queue.poll(10, 6))).containsExactly("normal-2", "low-1");
    assertThat(queue.poll(10, 7).isEmpty()).isTrue();
    assertThat(queue.depth()).isZero();
  }

  @Test
  void poll_reportsEachItemsLaneAndEnqueueTime() {
    ObservationQueue<String> queue = new ObservationQueue<>(QueueOptions.defaults());
    queue.offer("a", Priority.LOW, 40);
    Queued<String> taken = queue.poll(1, 90).items().get(0);
    assertThat(taken).isEqualTo(new Queued<>("a", Priority.LOW, 40, false)); // NORMAL empty: no promotion
    assertThat(queue.poll(0, 90).size()).isZero();
    assertThatThrownBy(() -> queue.poll(-1, 90)).isInstanceOf(AssertionError.class);
  }

  @Test
  void lowItem_isPromotedAheadOfYoungerNormalItemsAfterTheWait() {
    ObservationQueue<String> queue = new ObservationQueue<>(QueueOptions.defaults().withLowPromotionNanos(100));
    queue.offer("normal-old", Priority.NORMAL, 0);
    queue.offer("low", Priority.LOW, 10);
    queue.offer("normal-young", Priority.NORMAL, 20);
    assertThat(items(queue.poll(1, 109))).containsExactly("normal-old");
    assertThat(items(queue.poll(1, 109))).containsExactly("normal-young"); // not yet due
    queue.offer("normal-young", Priority.NORMAL, 30);
    Batch<String> due = queue.poll(1, 110);
    assertThat(items(due)).containsExactly("low");
    assertThat(due.items().get(0).promoted()).isTrue();
    assertThat(queue.stats().promoted()).isEqualTo(1);
  }

  @Test
  void lowItem_waitsBehindOlderNormalItemsAndBehindHighEvenWhenDue() {
    ObservationQueue<String> queue = new ObservationQueue<>(QueueOptions.defaults().withLowPromotionNanos(100));
    queue.offer("normal-old", Priority.NORMAL, 0);
    queue.offer("low", Priority.LOW, 10);
    queue.offer("high", Priority.HIGH, 500);
    assertThat(items(queue.poll(3, 1_000))).containsExactly("high", "normal-old", "low");
  }

  @Test
  void lowLane_doesNotStarveUnderASteadyNormalStream() {
    long promotionNanos = 50;
    ObservationQueue<String> queue = new ObservationQueue<>(QueueOptions.defaults().withLowPromotionNanos(promotionNanos));
    queue.offer("low", Priority.LOW, 0);
    for (long now = 0; now < 1_000; now++) {
      queue.offer("normal-" + now, Priority.NORMAL, now); // one in, one out: NORMAL never empties
      queue.offer("normal-extra-" + now, Priority.NORMAL, now);
      Batch<String> batch = queue.poll(1, now);
      if (items(batch).contains("low")) {
        assertThat(now).isGreaterThanOrEqualTo(promotionNanos).isLessThanOrEqualTo(2 * promotionNanos);
        return;
      }
    }
    throw new AssertionError("the LOW item starved");
  }

  @Test
  void offer_refusesAFullLaneWithOverCapacityAndRetryAfter() {
    ObservationQueue<String> queue = new ObservationQueue<>(QueueOptions.defaults().withLaneCapacities(2, 100, 100));
    assertThat(queue.offer("h1", Priority.HIGH, 0).isAdmitted()).isTrue();
    assertThat(queue.offer("h2", Priority.HIGH, 0).isAdmitted()).isTrue();
    Admission refused = queue.offer("h3", Priority.HIGH, 0);
    assertThat(refused.outcome()).isEqualTo(Admission.Outcome.LANE_FULL);
    assertThat(refused.rejectReason()).contains(RejectReason.OVER_CAPACITY);
    assertThat(refused.retryAfterNanos()).isEqualTo(60 * SECOND); // nothing dequeued yet: barely drains
    assertThat(queue.offer("n1", Priority.NORMAL, 0).isAdmitted()).isTrue(); // other lanes unaffected
    assertThat(queue.depth(Priority.HIGH)).isEqualTo(2);
    assertThat(queue.stats()).isEqualTo(new QueueStats(3, 1, 0, 0, 0));
  }

  @Test
  void offer_refusesEveryLaneOnceOverloadedAndDepthStaysBelowCapacity() {
    ObservationQueue<String> queue = new ObservationQueue<>(QueueOptions.ofCapacity(100));
    for (int i = 0; i < 95; i++) {
      assertThat(queue.offer("n" + i, Priority.NORMAL, 0).isAdmitted()).isTrue();
    }
    assertThat(queue.pressureState()).isEqualTo(PressureState.OVERLOADED);
    for (Priority priority : Priority.values()) {
      Admission refused = queue.offer("x", priority, 0);
      assertThat(refused.outcome()).isEqualTo(Admission.Outcome.OVERLOADED);
      assertThat(refused.retryAfterNanos()).isPositive();
    }
    assertThat(queue.depth()).isEqualTo(95);
    queue.poll(1, 1);
    assertThat(queue.pressureState()).isEqualTo(PressureState.CRITICAL);
    assertThat(queue.offer("again", Priority.LOW, 2).isAdmitted()).isTrue(); // recovers when load drops
  }

  @Test
  void pressureChanges_areReportedExactlyWhenTheyHappen() {
    ObservationQueue<String> queue = new ObservationQueue<>(QueueOptions.ofCapacity(20));
    StringBuilder changes = new StringBuilder();
    for (int i = 1; i <= 19; i++) {
      Admission admission = queue.offer("n" + i, Priority.NORMAL, 0);
      if (admission.stateChanged()) {
        changes.append(i).append(':').append(admission.state()).append(' ');
      }
    }
    assertThat(changes.toString()).isEqualTo("10:WARNING 16:CRITICAL 19:OVERLOADED ");
    assertThat(queue.offer("refused", Priority.NORMAL, 0).stateChanged()).isFalse();
    Batch<String> one = queue.poll(1, 0);
    assertThat(one.stateChanged()).isTrue();
    assertThat(one.state()).isEqualTo(PressureState.CRITICAL);
    assertThat(queue.poll(1, 0).stateChanged()).isFalse();
    Batch<String> rest = queue.poll(100, 0);
    assertThat(rest.stateChanged()).isTrue();
    assertThat(rest.state()).isEqualTo(PressureState.NORMAL);
  }

  @Test
  void retryAfter_isTheTimeToDrainHalfAtTheMeasuredRate() {
    ObservationQueue<Integer> queue = new ObservationQueue<>(QueueOptions.ofCapacity(2_000));
    for (int i = 0; i < 1_900; i++) {
      queue.offer(i, Priority.NORMAL, 0);
    }
    // 100 dequeued over the last second: 100 items/s
    for (int tick = 0; tick < 10; tick++) {
      queue.poll(10, tick * 100_000_000L);
    }
    for (int i = 0; i < 100; i++) {
      queue.offer(i, Priority.NORMAL, SECOND - 1);
    }
    Admission refused = queue.offer(-1, Priority.NORMAL, SECOND - 1);
    assertThat(refused.outcome()).isEqualTo(Admission.Outcome.OVERLOADED);
    assertThat(refused.retryAfterNanos()).isEqualTo(950 * SECOND / 100); // half of 1,900 at 100/s
    // a window later with nothing dequeued, the queue barely drains
    assertThat(queue.offer(-1, Priority.NORMAL, 3 * SECOND).retryAfterNanos()).isEqualTo(60 * SECOND);
  }

  @Test
  void backwardClockStep_neitherBreaksWaitsNorPromotesEarly() {
    ObservationQueue<String> queue = new ObservationQueue<>(QueueOptions.defaults().withLowPromotionNanos(100));
    queue.offer("low", Priority.LOW, 1_000);
    queue.offer("normal", Priority.NORMAL, 5); // the clock stepped back: counted as 1,000
    Batch<String> batch = queue.poll(2, -50_000);
    assertThat(items(batch)).containsExactly("normal", "low");
    assertThat(batch.items().get(0).enqueuedAtNanos()).isEqualTo(1_000);
    assertThat(batch.items().get(1).promoted()).isFalse();
  }

  @Test
  void fullLaneDropsSilentlyMutant_reportsAdmittedButLosesTheItem() {
    QueueOptions small = QueueOptions.defaults().withLaneCapacities(2, 100, 100);
    ObservationQueue<String> mutated = new ObservationQueue<>(small, Set.of(EngineMutant.FULL_LANE_DROPS_SILENTLY));
    mutated.offer("h1", Priority.HIGH, 0);
    mutated.offer("h2", Priority.HIGH, 0);
    Admission lie = mutated.offer("h3", Priority.HIGH, 0);
    assertThat(lie.isAdmitted()).isTrue();
    assertThat(items(mutated.poll(10, 0))).containsExactly("h1", "h2");
    assertThat(mutated.stats().admitted()).isEqualTo(3);
    ObservationQueue<String> honest = new ObservationQueue<>(small);
    honest.offer("h1", Priority.HIGH, 0);
    honest.offer("h2", Priority.HIGH, 0);
    assertThat(honest.offer("h3", Priority.HIGH, 0).isAdmitted()).isFalse();
  }

  @Test
  void capacities_areReadable() {
    ObservationQueue<String> queue = new ObservationQueue<>(QueueOptions.defaults());
    assertThat(queue.capacity()).isEqualTo(160_000);
    assertThat(queue.capacity(Priority.HIGH)).isEqualTo(10_000);
    assertThat(queue.capacity(Priority.NORMAL)).isEqualTo(100_000);
    assertThat(queue.capacity(Priority.LOW)).isEqualTo(50_000);
  }
}
