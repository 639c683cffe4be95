package io.detsim.engine.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.detsim.engine.protocol.Priority;
import io.detsim.engine.queue.Admission;
import io.detsim.engine.queue.ObservationQueue;
import io.detsim.engine.queue.PressureState;
import io.detsim.engine.queue.QueueOptions;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class AdmissionRuleTest {

  @Test
  void theQueue_decidesEveryOfferAsTheRuleDoes() {
    // Shared capacities (every lane may hold all of it: pressure decides) and the scenarios' 1:2:1
    // lanes (a lane may fill first); offers and polls interleaved, so every depth is passed both ways.
    int refusedByLane = 0;
    int refusedByPressure = 0;
    for (int capacity = 1; capacity <= 40; capacity++) {
      int high = Math.max(1, capacity / 4);
      int low = Math.max(1, capacity / 4);
      int normal = Math.max(1, capacity - high - low);
      for (QueueOptions options : List.of(QueueOptions.ofCapacity(capacity),
          QueueOptions.defaults().withLaneCapacities(high, normal, low))) {
        ObservationQueue<Integer> queue = new ObservationQueue<>(options);
        SplittableRandom random = new SplittableRandom(capacity);
        for (int step = 0; step < 20 * capacity + 20; step++) {
          if (random.nextInt(4) == 0) { // polls take 2 on average: the queue fills, then drains in bursts
            queue.poll(1 + random.nextInt(3), step);
            continue;
          }
          Priority lane = Priority.values()[random.nextInt(3)];
          boolean expected = AdmissionRule.admits(queue.depth(), queue.capacity(), queue.depth(lane),
              queue.capacity(lane));
          Admission admission = queue.offer(step, lane, step);
          assertThat(admission.isAdmitted()).as("offer %d to %s of %s", step, lane, options).isEqualTo(expected);
          boolean overloaded = queue.pressureState() == PressureState.OVERLOADED;
          refusedByLane += !expected && !overloaded ? 1 : 0;
          refusedByPressure += !expected && overloaded ? 1 : 0;
        }
      }
    }
    // Both sides of the rule were reached: a full lane below the overload, and the overload itself.
    assertThat(refusedByLane).as("refused for a full lane").isPositive();
    assertThat(refusedByPressure).as("refused for pressure").isPositive();
  }

  @Test
  void aRefusalWithRoomBelow95Percent_failsAtTheOffer() {
    Admission refused = new Admission(Admission.Outcome.LANE_FULL, 1_000_000L, PressureState.CRITICAL, false);
    // One short of the lane's capacity, at 94 % pressure: the rule admits.
    assertThatThrownBy(() -> AdmissionRule.check(refused, Priority.NORMAL, 94, 100, 49, 50))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("refused an offer to its NORMAL lane at depth 94 of 100 with 49 of 50");
    AdmissionRule.check(refused, Priority.NORMAL, 94, 100, 50, 50);
    AdmissionRule.check(refused, Priority.NORMAL, 95, 100, 10, 50);
  }

  @Test
  void anAdmissionAt95PercentOrIntoAFullLane_failsAtTheOffer() {
    Admission admitted = new Admission(Admission.Outcome.ADMITTED, 0, PressureState.OVERLOADED, true);
    assertThatThrownBy(() -> AdmissionRule.check(admitted, Priority.LOW, 95, 100, 1, 50))
        .isInstanceOf(AssertionError.class).hasMessageContaining("the rule refuses it");
    assertThatThrownBy(() -> AdmissionRule.check(admitted, Priority.HIGH, 3, 100, 2, 2))
        .isInstanceOf(AssertionError.class).hasMessageContaining("admitted an offer to its HIGH lane");
    AdmissionRule.check(admitted, Priority.LOW, 94, 100, 49, 50);
  }
}
