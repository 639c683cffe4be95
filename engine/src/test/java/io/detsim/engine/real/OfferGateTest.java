package io.detsim.engine.real;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The edge's admission: a bound on pending calls, and the server's retry-after per lane. */
class OfferGateTest {
  private static final long MS = 1_000_000L;

  @Test
  void aLaneTheServerRefused_isClosedUntilItsRetryAfter_andOnlyThatLane() {
    OfferGate gate = new OfferGate(10, 60_000 * MS, 300_000 * MS, 3);
    gate.closeUntil(1, 1_000 * MS);

    assertThat(gate.tryEnter(1, 400 * MS)).isFalse();
    assertThat(gate.retryAfterNanos(1, 400 * MS)).as("the time left").isEqualTo(600 * MS);
    assertThat(gate.tryEnter(0, 400 * MS)).as("another lane").isTrue();
    assertThat(gate.tryEnter(1, 1_000 * MS)).as("open again at the deadline").isTrue();
    gate.closeUntil(1, 900 * MS); // an older, shorter retry-after does not reopen it earlier
    gate.closeUntil(1, 2_000 * MS);
    gate.closeUntil(1, 1_500 * MS);
    assertThat(gate.tryEnter(1, 1_900 * MS)).isFalse();
    assertThat(gate.refused()).isEqualTo(2);
    assertThat(gate.pending()).isEqualTo(2);
  }

  @Test
  void beyondTheBound_refused_untilOneLeaves() {
    OfferGate gate = new OfferGate(2, 60_000 * MS, 300_000 * MS, 1);
    assertThat(gate.tryEnter(0, 0)).isTrue();
    assertThat(gate.tryEnter(0, 0)).isTrue();
    assertThat(gate.tryEnter(0, 0)).isFalse();
    assertThat(gate.retryAfterNanos(0, 0)).as("before any window is measured: one window")
        .isEqualTo(OfferGate.RATE_WINDOW_NANOS);
    gate.leave();
    assertThat(gate.tryEnter(0, 0)).isTrue();
  }
}
