package io.detsim.sim;

import static org.assertj.core.api.Assertions.assertThat;

import io.detsim.sim.random.Xoshiro256;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class EventQueueTest {
  private static final EventTarget NOBODY = (kind, arg, payload) -> {};

  /**
   * The queue against a sorted map as the reference, through random pushes, pops and cancels. Times
   * are monotone, as the scheduler guarantees: never before the last time taken out.
   */
  @Test
  void randomOperations_matchASortedReference() {
    for (long seed = 1; seed <= 20; seed++) {
      Xoshiro256 random = new Xoshiro256(seed);
      EventQueue queue = new EventQueue(4);
      TreeMap<List<Long>, Long> reference = new TreeMap<>((a, b) -> {
        int byTime = Long.compare(a.get(0), b.get(0));
        return byTime != 0 ? byTime : Long.compare(a.get(1), b.get(1));
      });
      List<long[]> live = new ArrayList<>(); // {time, order, handle}
      long order = 0;
      long lastTaken = 0;
      for (int step = 0; step < 5_000; step++) {
        long choice = random.nextLong(10);
        if (!queue.isEmpty() && random.chance(io.detsim.sim.port.Ratio.of(1, 3))) {
          queue.peekTime(); // peeking moves the radix base; later pushes must still be ordered right
        }
        if (choice < 5 || queue.isEmpty()) {
          long time = lastTaken + (random.chance(io.detsim.sim.port.Ratio.of(1, 4)) ? 0 : random.nextLong(1L << random.nextLong(40)));
          long handle = queue.push(time, order, NOBODY, 0, order, null);
          reference.put(List.of(time, order), order);
          live.add(new long[] {time, order, handle});
          order++;
        } else if (choice < 8) {
          long expectedTime = reference.firstKey().get(0);
          assertThat(queue.peekTime()).isEqualTo(expectedTime);
          lastTaken = expectedTime;
          int slot = queue.popSlot();
          long arg = queue.arg(slot);
          queue.release(slot);
          assertThat(arg).isEqualTo(reference.pollFirstEntry().getValue());
          live.removeIf(entry -> entry[1] == arg);
        } else {
          long[] victim = live.remove((int) random.nextLong(live.size()));
          assertThat(queue.cancel(victim[2])).isTrue();
          assertThat(queue.cancel(victim[2])).as("a second cancel of the same handle").isFalse();
          reference.remove(List.of(victim[0], victim[1]));
        }
        assertThat(queue.size()).isEqualTo(reference.size());
      }
    }
  }

  @Test
  void staleHandle_cancelsNothing_afterItsSlotIsReused() {
    EventQueue queue = new EventQueue(16);
    long first = queue.push(5, 0, NOBODY, 0, 0, null);
    queue.release(queue.popSlot());
    long second = queue.push(6, 1, NOBODY, 0, 1, null);
    assertThat(queue.size()).isEqualTo(1);
    assertThat((int) second).as("slot reused").isEqualTo((int) first);
    assertThat(queue.cancel(first)).isFalse();
    assertThat(queue.size()).isEqualTo(1);
    assertThat(queue.cancel(second)).isTrue();
    assertThat(queue.isEmpty()).isTrue();
  }

  @Test
  void cancelledEvents_areSkipped_andTheirSlotsComeBack() {
    EventQueue queue = new EventQueue(16);
    long early = queue.push(1, 0, NOBODY, 0, 100, null);
    queue.push(2, 1, NOBODY, 0, 200, null);
    assertThat(queue.cancel(early)).isTrue();
    assertThat(queue.size()).isEqualTo(1);
    assertThat(queue.peekTime()).isEqualTo(2);
    int slot = queue.popSlot();
    assertThat(queue.arg(slot)).isEqualTo(200);
    queue.release(slot);
    assertThat(queue.isEmpty()).isTrue();
    for (int i = 2; i < 100; i++) {
      queue.cancel(queue.push(i, i, NOBODY, 0, i, null));
      queue.peekTime(); // discards the cancelled top, so slots do not pile up
    }
    assertThat(queue.isEmpty()).isTrue();
  }

  @Test
  void peekingAhead_stillAcceptsEarlierEvents_beforeTheNextPop() {
    EventQueue queue = new EventQueue(16);
    queue.push(1_000, 0, NOBODY, 0, 1, null);
    queue.push(5_000, 1, NOBODY, 0, 2, null);
    assertThat(queue.peekTime()).isEqualTo(1_000);
    queue.release(queue.popSlot());
    assertThat(queue.peekTime()).isEqualTo(5_000); // a run stopped at a deadline before 5,000
    queue.push(2_000, 2, NOBODY, 0, 3, null); // the driver schedules in between
    queue.push(2_000, 3, NOBODY, 0, 4, null);
    List<Long> order = new ArrayList<>();
    while (!queue.isEmpty()) {
      int slot = queue.popSlot();
      order.add(queue.arg(slot));
      queue.release(slot);
    }
    assertThat(order).containsExactly(3L, 4L, 2L);
  }

  @Test
  void aTimeBeforeTheLastTakenOut_isRefused() {
    EventQueue queue = new EventQueue(16);
    queue.push(10, 0, NOBODY, 0, 0, null);
    queue.release(queue.popSlot());
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> queue.push(9, 1, NOBODY, 0, 0, null))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
