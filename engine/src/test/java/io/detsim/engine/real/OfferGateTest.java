package io.detsim.engine.real;

import static org.assertj.core.api.Assertions.assertThat;

import io.detsim.engine.protocol.SessionStatus;
import org.junit.jupiter.api.Test;

/** The edge's admission: a bound on pending calls, and the server's retry-after per lane. */
class OfferGateTest {
  private static final long MS = 1_000_000L;

  @Test
  void aLaneTheServerRefused_isClosedAtMostBriefly_andOnlyThatLane_butCallersHearTheWholeRetryAfter() {
    OfferGate gate = new OfferGate(10, 60_000 * MS, 300_000 * MS, 3);
    gate.serverRefused(1, 0, 60_000 * MS); // an estimate of a minute

    assertThat(gate.tryEnter(1, 40 * MS)).isFalse();
    assertThat(gate.retryAfterNanos(1, 40 * MS)).as("the server's advice").isEqualTo(59_960 * MS);
    assertThat(gate.tryEnter(0, 40 * MS)).as("another lane").isTrue();
    assertThat(gate.tryEnter(1, OfferGate.CLOSE_MAX_NANOS)).as("the edge tries again soon").isTrue();
    gate.serverRefused(1, 200 * MS, 10 * MS);
    gate.serverRefused(1, 200 * MS, 5 * MS); // a shorter retry-after does not reopen it earlier
    assertThat(gate.tryEnter(1, 209 * MS)).isFalse();
    assertThat(gate.tryEnter(1, 210 * MS)).isTrue();
    assertThat(gate.refused()).isEqualTo(2);
  }

  @Test
  void whileTheServerIsOverloaded_everyLaneIsRefused() {
    OfferGate gate = new OfferGate(10, 60_000 * MS, 300_000 * MS, 3);
    gate.serverStatus(SessionStatus.OVERLOADED, 0);
    assertThat(gate.tryEnter(0, 0)).isFalse();
    assertThat(gate.tryEnter(2, 0)).isFalse();
    gate.serverStatus(SessionStatus.BACKPRESSURE, 0);
    assertThat(gate.tryEnter(2, 0)).isTrue();
  }

  @Test
  void backpressure_keepsALanesClosure_butActive_endsIt_andItsAdvice() {
    OfferGate gate = new OfferGate(10, 60_000 * MS, 300_000 * MS, 3);
    gate.serverRefused(1, 0, 2_000 * MS);
    gate.serverStatus(SessionStatus.BACKPRESSURE, 10 * MS); // still 80 % full or more: the lane may still be full
    assertThat(gate.tryEnter(1, 20 * MS)).isFalse();

    gate.serverStatus(SessionStatus.ACTIVE, 30 * MS); // drained under 80 %: the refusal is old news
    assertThat(gate.tryEnter(1, 29 * MS)).as("a caller whose clock read came just before the news").isTrue();
    gate.leave();
    assertThat(gate.tryEnter(1, 40 * MS)).isTrue();
    gate.leave();
    assertThat(gate.retryAfterNanos(1, 40 * MS)).as("no longer the old 2 s advice")
        .isEqualTo(OfferGate.RATE_WINDOW_NANOS);
    gate.serverStatus(SessionStatus.PAUSED, 50 * MS); // a session's own state: not about the queue
    gate.serverRefused(1, 60 * MS, 5 * MS);
    assertThat(gate.tryEnter(1, 64 * MS)).as("a refusal after the drain closes it again").isFalse();
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
