package io.detsim.engine.queue;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DequeueRateTest {

  @Test
  void countInWindow_slidesOutOldBuckets() {
    DequeueRate rate = new DequeueRate(1_000); // ten buckets of 100 ns
    rate.record(0, 5);
    rate.record(950, 3);
    assertThat(rate.countInWindow(999)).isEqualTo(8);
    assertThat(rate.countInWindow(1_000)).isEqualTo(3); // bucket 0 left the window
    assertThat(rate.countInWindow(1_899)).isEqualTo(3);
    assertThat(rate.countInWindow(1_900)).isZero();
    rate.record(2_050, 4); // reuses bucket 0's slot
    assertThat(rate.countInWindow(2_099)).isEqualTo(4);
    assertThat(rate.windowNanos()).isEqualTo(1_000);
  }

  @Test
  void negativeTimes_areBucketedLikeAnyOther() {
    DequeueRate rate = new DequeueRate(1_000);
    rate.record(-5_000_000_000L, 2);
    rate.record(-5_000_000_000L + 150, 1);
    assertThat(rate.countInWindow(-5_000_000_000L + 200)).isEqualTo(3);
  }
}
