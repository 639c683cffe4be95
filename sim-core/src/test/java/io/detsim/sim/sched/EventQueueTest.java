package io.detsim.sim.sched;

import static org.assertj.core.api.Assertions.assertThat;

import io.detsim.sim.random.Xoshiro256;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class EventQueueTest {
  private static final EventTarget NOBODY = (kind, arg, payload) -> {};

  /** The heap against a sorted map as the reference, through random pushes, pops and cancels. */
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
      for (int step = 0; step < 5_000; step++) {
        long choice = random.nextLong(10);
        if (choice < 5 || queue.isEmpty()) {
          long time = random.nextLong(100);
          long handle = queue.push(time, order, NOBODY, 0, order, null);
          reference.put(List.of(time, order), order);
          live.add(new long[] {time, order, handle});
          order++;
        } else if (choice < 8) {
          long expectedTime = reference.firstKey().get(0);
          assertThat(queue.peekTime()).isEqualTo(expectedTime);
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
    assertThat((int) second).as("slot reused").isEqualTo((int) first);
    assertThat(queue.cancel(first)).isFalse();
    assertThat(queue.size()).isEqualTo(1);
    assertThat(queue.cancel(second)).isTrue();
    assertThat(queue.isEmpty()).isTrue();
  }
}
