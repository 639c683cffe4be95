package io.detsim.engine.index;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.detsim.sim.random.Xoshiro256;
import org.junit.jupiter.api.Test;

class LongIntMapTest {

  @Test
  void get_findsEveryKeyAcrossGrowth() {
    LongIntMap map = new LongIntMap();
    Xoshiro256 random = new Xoshiro256(61);
    long[] keys = new long[10_000];
    for (int i = 0; i < keys.length; i++) {
      keys[i] = i % 3 == 0 ? i : random.nextLong(); // sequential and scattered, negative too
      if (map.get(keys[i]) < 0) {
        map.putNew(keys[i], i);
      }
    }

    for (int i = 0; i < keys.length; i++) {
      assertThat(keys[map.get(keys[i])]).isEqualTo(keys[i]);
    }
    assertThat(map.get(Long.MIN_VALUE + 12345)).isEqualTo(-1);
    assertThat(map.size()).isEqualTo(keys.length);
  }

  @Test
  void putNew_rejectsAKnownKey() {
    LongIntMap map = new LongIntMap();
    map.putNew(0, 0);

    assertThatThrownBy(() -> map.putNew(0, 1)).isInstanceOf(AssertionError.class);
  }
}
