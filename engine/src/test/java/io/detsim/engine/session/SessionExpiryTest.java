package io.detsim.engine.session;

import static io.detsim.engine.session.SessionTableTest.SECOND;
import static io.detsim.engine.session.SessionTableTest.SPACE;
import static io.detsim.engine.session.SessionTableTest.acceptDurably;
import static org.assertj.core.api.Assertions.assertThat;

import io.detsim.engine.protocol.FlowAction;
import io.detsim.engine.protocol.RejectReason;
import io.detsim.engine.protocol.SessionId;
import io.detsim.engine.session.ObservationDecision.Kind;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Idle expiry on the server's own clock, which may be skewed and may step backwards. */
class SessionExpiryTest {
  static final long TIMEOUT = 300 * SECOND;

  final SessionTable table = new SessionTable(SessionOptions.defaults());

  @Test
  void expireIdle_expiresAtTheTimeoutNotBefore() {
    SessionId id = table.open(SPACE, 0);
    assertThat(table.expireIdle(TIMEOUT - 1)).isEmpty();
    assertThat(table.expireIdle(TIMEOUT)).containsExactly(id);
    assertThat(table.find(id).orElseThrow().state()).isEqualTo(SessionState.EXPIRED);
    assertThat(table.liveCount()).isZero();
    assertThat(table.expireIdle(2 * TIMEOUT)).isEmpty(); // reported once
  }

  @Test
  void expireIdle_honoursAConfiguredTimeout() {
    SessionTable quick = new SessionTable(SessionOptions.defaults().withIdleTimeoutNanos(SECOND));
    SessionId id = quick.open(SPACE, 0);
    assertThat(quick.expireIdle(SECOND)).containsExactly(id);
  }

  @Test
  void activity_postponesExpiry() {
    SessionId id = table.open(SPACE, 0);
    acceptDurably(table, id, 1, TIMEOUT - 1);
    assertThat(table.expireIdle(TIMEOUT)).isEmpty();
    assertThat(table.expireIdle(2 * TIMEOUT - 1)).containsExactly(id);
  }

  @Test
  void expiredSession_resumesWithTheNextSequenceNumber() {
    SessionId id = table.open(SPACE, 0);
    acceptDurably(table, id, 3, 0);
    table.expireIdle(TIMEOUT);
    ObservationDecision gap = table.onObservation(id, 7, TIMEOUT + 1);
    assertThat(gap.kind()).isEqualTo(Kind.EXPIRED);
    assertThat(gap.expectedSeq()).isEqualTo(4);
    assertThat(gap.rejectReason()).contains(RejectReason.SESSION_EXPIRED);
    ObservationDecision stale = table.onObservation(id, 2, TIMEOUT + 1);
    assertThat(stale.kind()).isEqualTo(Kind.DUPLICATE);
    assertThat(stale.durable()).isTrue();
    assertThat(table.find(id).orElseThrow().state()).isEqualTo(SessionState.EXPIRED);
    ObservationDecision resumed = table.onObservation(id, 4, TIMEOUT + 2);
    assertThat(resumed.isAccept()).isTrue();
    assertThat(resumed.resumed()).isTrue();
    assertThat(table.find(id).orElseThrow().state()).isEqualTo(SessionState.ACTIVE);
    table.admit(id, 4);
    assertThat(table.liveCount()).isEqualTo(1);
  }

  @Test
  void flowControl_resumesAnExpiredSession() {
    SessionId paused = table.open(SPACE, 0);
    SessionId resumed = table.open(SPACE, 0);
    table.onFlowControl(paused, FlowAction.PAUSE, 0);
    assertThat(table.expireIdle(TIMEOUT)).containsExactly(paused, resumed); // paused sessions expire too
    assertThat(table.onFlowControl(paused, FlowAction.PAUSE, TIMEOUT)).contains(SessionState.PAUSED);
    assertThat(table.onFlowControl(resumed, FlowAction.SPEED_UP, TIMEOUT)).contains(SessionState.ACTIVE);
  }

  @Test
  void expireIdle_sparesSessionsWithObservationsInFlight() {
    SessionId id = table.open(SPACE, 0);
    table.onObservation(id, 1, 0);
    table.admit(id, 1);
    assertThat(table.expireIdle(10 * TIMEOUT)).isEmpty();
    table.markDurable(id, 1);
    assertThat(table.expireIdle(10 * TIMEOUT)).containsExactly(id);
  }

  @Test
  void expireIdle_forgetsClosedSessionsButKeepsExpiredOnes() {
    SessionId closed = table.open(SPACE, 0);
    SessionId idle = table.open(SPACE, 0);
    table.onClose(closed, true, 0);
    assertThat(table.expireIdle(TIMEOUT)).containsExactly(idle);
    assertThat(table.find(closed)).isEmpty();
    assertThat(table.onObservation(closed, 1, TIMEOUT).kind()).isEqualTo(Kind.UNKNOWN);
    assertThat(table.expireIdle(5 * TIMEOUT)).isEmpty();
    assertThat(table.find(idle)).isPresent();
  }

  /**
   * A short idle timeout (BUGGIFY draws 100 ms to 1 s) expires live sessions early, but a closed
   * session keeps answering its client's retries as duplicates for the whole retention. Forgotten,
   * a retry whose ACCEPTED was lost is answered SESSION_UNKNOWN, and the client stores it again in a
   * new session (found by the swarm once clients closed right after their last send).
   */
  @Test
  void expireIdle_keepsAClosedSessionForItsRetentionWhateverTheIdleTimeout() {
    SessionTable quick = new SessionTable(SessionOptions.defaults().withIdleTimeoutNanos(SECOND / 10));
    SessionId closed = quick.open(SPACE, 0);
    acceptDurably(quick, closed, 3, 0);
    quick.onClose(closed, true, 0);
    assertThat(quick.expireIdle(TIMEOUT - 1)).isEmpty();
    ObservationDecision retry = quick.onObservation(closed, 3, TIMEOUT - 1);
    assertThat(retry.kind()).isEqualTo(Kind.DUPLICATE);
    assertThat(retry.durable()).isTrue();
    quick.expireIdle(TIMEOUT);
    assertThat(quick.find(closed)).isEmpty();
  }

  @Test
  void expireIdle_forgetsASessionClosedWithoutDrainEvenWithObservationsInFlight() {
    SessionId id = table.open(SPACE, 0);
    table.onObservation(id, 1, 0);
    table.admit(id, 1);
    table.onClose(id, false, 0); // the server refuses what was queued: it never becomes durable
    assertThat(table.expireIdle(TIMEOUT)).isEmpty();
    assertThat(table.find(id)).isEmpty();
    assertThat(table.markDurable(id, 1)).isFalse(); // a late sync for a forgotten session
  }

  @Test
  void backwardClockStep_expiresNothingAndRecountsFromTheStep() {
    List<SessionId> ids = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      ids.add(table.open(SPACE, 1_000 * SECOND));
    }
    long stepped = 1_000 * SECOND - 3_600 * SECOND; // an hour back, below zero
    assertThat(table.expireIdle(stepped)).isEmpty();
    assertThat(table.expireIdle(stepped + TIMEOUT - 1)).isEmpty();
    assertThat(table.liveCount()).isEqualTo(5);
    assertThat(table.expireIdle(stepped + TIMEOUT)).containsExactlyElementsOf(ids);
  }

  @Test
  void backwardClockStep_leavesSessionsUsable() {
    SessionId id = table.open(SPACE, 500 * SECOND);
    acceptDurably(table, id, 2, -5 * SECOND);
    assertThat(table.find(id).orElseThrow().expectedSeq()).isEqualTo(3);
    assertThat(table.expireIdle(-5 * SECOND + TIMEOUT - 1)).isEmpty();
  }

  @Test
  void extremeClockValues_doNotOverflowIntoExpiryOrCrash() {
    SessionId id = table.open(SPACE, Long.MIN_VALUE);
    assertThat(table.expireIdle(Long.MAX_VALUE)).containsExactly(id);
    SessionId other = table.open(SPACE, Long.MAX_VALUE);
    assertThat(table.expireIdle(Long.MIN_VALUE)).isEmpty();
    assertThat(table.find(other).orElseThrow().state()).isEqualTo(SessionState.ACTIVE);
  }
}
