package io.detsim.engine.queue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class BatchSizerTest {

  @Test
  void defaults_growWithDepthAtOneHundredAndOneThousand() {
    BatchSizer sizer = BatchSizer.defaults();
    assertThat(sizer.batchSize(0)).isEqualTo(10);
    assertThat(sizer.batchSize(99)).isEqualTo(10);
    assertThat(sizer.batchSize(100)).isEqualTo(100);
    assertThat(sizer.batchSize(999)).isEqualTo(100);
    assertThat(sizer.batchSize(1_000)).isEqualTo(500);
    assertThat(sizer.batchSize(Integer.MAX_VALUE)).isEqualTo(500);
  }

  @Test
  void thresholdsAndSizes_areConfigurable() {
    BatchSizer sizer = new BatchSizer(5, 50, 1, 20, 80);
    assertThat(sizer.batchSize(4)).isEqualTo(1);
    assertThat(sizer.batchSize(5)).isEqualTo(20);
    assertThat(sizer.batchSize(50)).isEqualTo(80);
    assertThat(BatchSizer.fixed(50).batchSize(0)).isEqualTo(50);
    assertThat(BatchSizer.fixed(50).batchSize(10_000)).isEqualTo(50);
  }

  @Test
  void constructor_refusesBadSettings() {
    assertThatThrownBy(() -> new BatchSizer(0, 10, 1, 1, 1)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new BatchSizer(10, 5, 1, 1, 1)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> BatchSizer.fixed(0)).isInstanceOf(IllegalArgumentException.class);
  }
}
