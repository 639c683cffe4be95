package io.detsim.engine.index;

import static org.assertj.core.api.Assertions.assertThat;

import io.detsim.sim.random.Xoshiro256;
import java.util.Arrays;
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
}
