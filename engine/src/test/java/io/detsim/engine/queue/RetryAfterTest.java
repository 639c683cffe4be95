package io.detsim.engine.queue;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RetryAfterTest {
  static final long SECOND = 1_000_000_000L;
  static final long IDLE = 60 * SECOND;
  static final long MAX = 300 * SECOND;

  static long retryAfter(int depth, long dequeued, long windowNanos) {
    return RetryAfter.nanos(depth, dequeued, windowNanos, IDLE, MAX);
  }

  @Test
  void drainsHalfTheQueueAtTheMeasuredRate() {
    assertThat(retryAfter(10_000, 1_000, SECOND)).isEqualTo(5 * SECOND); // the original's example
    assertThat(retryAfter(5, 1, SECOND)).isEqualTo(3 * SECOND); // half of an odd depth rounds up
    assertThat(retryAfter(1_000, 250, 500_000_000L)).isEqualTo(SECOND); // 500/s over a half-second window
  }

  @Test
  void givesTheIdleValueWhenTheQueueBarelyDrains() {
    assertThat(retryAfter(10_000, 0, SECOND)).isEqualTo(IDLE);
    assertThat(retryAfter(10_000, 9, 10 * SECOND)).isEqualTo(IDLE); // 0.9 a second
    assertThat(retryAfter(10, 10, 10 * SECOND)).isEqualTo(5 * SECOND); // exactly 1 a second: measured
    assertThat(retryAfter(10, 0, 100_000_000L)).isEqualTo(IDLE);
  }

  @Test
  void neverExceedsTheMaximumNorFallsBelowOneMillisecond() {
    assertThat(retryAfter(100_000, 1, SECOND)).isEqualTo(MAX); // 50,000 s uncapped
    assertThat(retryAfter(602, 1, SECOND)).isEqualTo(MAX); // 301 s
    assertThat(retryAfter(600, 1, SECOND)).isEqualTo(MAX); // exactly 300 s
    assertThat(retryAfter(598, 1, SECOND)).isEqualTo(299 * SECOND);
    assertThat(retryAfter(1, 1_000_000_000L, SECOND)).isEqualTo(1_000_000L);
  }

  @Test
  void extremeInputsDoNotOverflow() {
    assertThat(retryAfter(Integer.MAX_VALUE, 1, Long.MAX_VALUE - 1)).isEqualTo(IDLE); // under 1 a second
    assertThat(retryAfter(Integer.MAX_VALUE, Long.MAX_VALUE, Long.MAX_VALUE / 2)).isEqualTo(MAX);
    assertThat(retryAfter(Integer.MAX_VALUE, Long.MAX_VALUE, SECOND)).isBetween(1_000_000L, MAX);
  }
}
