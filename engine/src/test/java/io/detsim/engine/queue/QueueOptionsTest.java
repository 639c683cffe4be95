package io.detsim.engine.queue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.detsim.engine.protocol.Priority;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

class QueueOptionsTest {

  @Test
  void defaults_followTheOriginalDesign() {
    QueueOptions defaults = QueueOptions.defaults();
    assertThat(defaults.capacity(Priority.HIGH)).isEqualTo(10_000);
    assertThat(defaults.totalCapacity()).isEqualTo(160_000);
    assertThat(defaults.retryAfterIdleNanos()).isEqualTo(60_000_000_000L);
    assertThat(defaults.retryAfterMaxNanos()).isEqualTo(300_000_000_000L);
  }

  @Test
  void ofCapacity_letsEveryLaneUseTheWholeCapacity() {
    QueueOptions shared = QueueOptions.ofCapacity(1_000);
    assertThat(shared.totalCapacity()).isEqualTo(1_000);
    assertThat(shared.capacity(Priority.LOW)).isEqualTo(1_000);
    assertThat(QueueOptions.defaults().withLaneCapacities(Integer.MAX_VALUE, 5, 5).totalCapacity())
        .isEqualTo(Integer.MAX_VALUE);
  }

  @Test
  void constructor_refusesInconsistentSettings() {
    QueueOptions base = QueueOptions.defaults();
    assertInvalid(() -> base.withLaneCapacities(-1, 1, 1));
    assertInvalid(() -> base.withLaneCapacities(1, 1, 1).withTotalCapacity(4));
    assertInvalid(() -> base.withTotalCapacity(0));
    assertInvalid(() -> base.withLowPromotionNanos(-1));
    assertInvalid(() -> base.withRateWindowNanos(9));
    assertInvalid(() -> base.withRetryAfterNanos(999_999, 300_000_000_000L));
    assertInvalid(() -> base.withRetryAfterNanos(60_000_000_000L, 59_000_000_000L));
    assertThat(base.withRetryAfterNanos(1_000_000, 1_000_000).retryAfterMaxNanos()).isEqualTo(1_000_000);
  }

  static void assertInvalid(Supplier<?> construction) {
    assertThatThrownBy(construction::get).isInstanceOf(IllegalArgumentException.class);
  }
}
