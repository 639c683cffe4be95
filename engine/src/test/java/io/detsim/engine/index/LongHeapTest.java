package io.detsim.engine.index;

import static org.assertj.core.api.Assertions.assertThat;

import io.detsim.sim.random.Xoshiro256;
import java.util.Arrays;
import java.util.Collections;
import java.util.PriorityQueue;
import org.junit.jupiter.api.Test;

class LongHeapTest {

  private static long[] drain(LongHeap heap) {
    long[] out = new long[heap.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = heap.pop();
    }
    return out;
  }

  @Test
  void heaps_popInOrderAcrossGrowth() {
    Xoshiro256 random = new Xoshiro256(71);
    LongHeap nearest = LongHeap.nearestFirst();
    LongHeap farthest = LongHeap.farthestFirst();
    long[] keys = new long[1000];
    for (int i = 0; i < keys.length; i++) {
      keys[i] = random.nextLong(50); // many duplicates
      nearest.push(keys[i]);
      farthest.push(keys[i]);
    }
    long[] ascending = keys.clone();
    Arrays.sort(ascending);

    assertThat(farthest.peek()).isEqualTo(ascending[ascending.length - 1]);
    assertThat(drain(nearest)).containsExactly(ascending);
    long[] descending = drain(farthest);
    for (int i = 0; i < descending.length; i++) {
      assertThat(descending[i]).isEqualTo(ascending[ascending.length - 1 - i]);
    }
    assertThat(nearest.isEmpty()).isTrue();
  }

  /** Pushes, pops and top replacements interleaved at random, against java.util's heap. */
  @Test
  void interleavedOperations_matchAReferenceHeap_bothWays() {
    for (boolean farthestOnTop : new boolean[] {false, true}) {
      Xoshiro256 random = new Xoshiro256(farthestOnTop ? 5 : 6);
      LongHeap heap = farthestOnTop ? LongHeap.farthestFirst() : LongHeap.nearestFirst();
      PriorityQueue<Long> reference = farthestOnTop ? new PriorityQueue<>(Collections.reverseOrder()) : new PriorityQueue<>();
      for (int step = 0; step < 200_000; step++) {
        long op = random.nextLong(10);
        if (reference.isEmpty() || op < 5) {
          long key = random.nextLong(1_000);
          heap.push(key);
          reference.add(key);
        } else if (op < 8) {
          assertThat(heap.pop()).as("pop at step %d", step).isEqualTo(reference.poll());
        } else {
          long top = reference.peek();
          long key = farthestOnTop ? top - random.nextLong(50) : top + random.nextLong(50); // not above the top
          heap.replaceTop(key);
          reference.poll();
          reference.add(key);
        }
        assertThat(heap.size()).isEqualTo(reference.size());
        if (!reference.isEmpty()) {
          assertThat(heap.peek()).as("top at step %d", step).isEqualTo(reference.peek());
        }
      }
    }
  }
}
