package io.detsim.engine.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.detsim.engine.planted.EngineMutant;
import io.detsim.engine.protocol.FlowAction;
import io.detsim.engine.protocol.RejectReason;
import io.detsim.engine.protocol.SessionId;
import io.detsim.engine.protocol.SessionStatus;
import io.detsim.engine.protocol.SpaceId;
import io.detsim.engine.session.ObservationDecision.Kind;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SessionTableTest {
  static final SpaceId SPACE = SpaceId.of("alpha");
  static final long SECOND = 1_000_000_000L;

  final SessionTable table = new SessionTable(SessionOptions.defaults());

  /** Decides, admits and makes durable {@code count} observations from the expected one on. */
  static void acceptDurably(SessionTable table, SessionId id, int count, long nowNanos) {
    for (int i = 0; i < count; i++) {
      long seq = table.find(id).orElseThrow().expectedSeq();
      assertThat(table.onObservation(id, seq, nowNanos).kind()).isEqualTo(Kind.ACCEPT);
      table.admit(id, seq);
      table.markDurable(id, seq);
    }
  }

  @Test
  void open_handsOutCounterIdsExpectingOne() {
    SessionId first = table.open(SPACE, 0);
    SessionId second = table.open(SPACE, 0);
    assertThat(first.value()).isEqualTo("s-1");
    assertThat(second.value()).isEqualTo("s-2");
    assertThat(table.find(first).orElseThrow().expectedSeq()).isEqualTo(1);
    assertThat(table.expectedSeqOf(first)).isEqualTo(1);
    assertThat(table.expectedSeqOf(SessionId.of("s-99"))).as("unknown").isZero();
    assertThat(table.liveCount()).isEqualTo(2);
  }

  @Test
  void numberFrom_skipsNumbersBelowTheFloor_andNeverGoesBack() {
    table.open(SPACE, 0);
    table.numberFrom(1L << 40);
    assertThat(table.open(SPACE, 0).value()).isEqualTo("s-" + (1L << 40));
    table.numberFrom(5);
    assertThat(table.open(SPACE, 0).value()).isEqualTo("s-" + ((1L << 40) + 1));
  }

  @Test
  void resumeAfter_whatTheClientHoldsAnswered_whenTheSessionExpectsLess() {
    SessionId id = table.open(SPACE, 0);
    assertThat(table.resumeAfter(id, 0)).isZero();
    assertThat(table.resumeAfter(id, 4)).isEqualTo(1); // it expected #1: #1..#4 were lost
    assertThat(table.find(id).orElseThrow().expectedSeq()).isEqualTo(5);
    assertThat(table.find(id).orElseThrow().durableSeq()).isEqualTo(4);
    assertThat(table.resumeAfter(id, 4)).as("nothing forgotten now").isZero();
    assertThat(table.onObservation(id, 5, 0).kind()).isEqualTo(Kind.ACCEPT);
  }

  @Test
  void onObservation_acceptsOneFirstAndRefusesTwoAsGap() {
    SessionId id = table.open(SPACE, 0);
    ObservationDecision gap = table.onObservation(id, 2, 0);
    assertThat(gap.kind()).isEqualTo(Kind.GAP);
    assertThat(gap.expectedSeq()).isEqualTo(1);
    assertThat(gap.rejectReason()).contains(RejectReason.SEQUENCE_GAP);
    ObservationDecision first = table.onObservation(id, 1, 0);
    assertThat(first.isAccept()).isTrue();
    assertThat(first.rejectReason()).isEmpty();
  }

  @Test
  void onObservation_doesNotAdvanceUntilAdmitted() {
    SessionId id = table.open(SPACE, 0);
    table.onObservation(id, 1, 0); // say the queue refused it: no admit
    assertThat(table.onObservation(id, 1, 0).kind()).isEqualTo(Kind.ACCEPT);
    assertThat(table.onObservation(id, 2, 0).kind()).isEqualTo(Kind.GAP);
  }

  @Test
  void duplicate_inFlightIsNotDurableUntilMarked() {
    SessionId id = table.open(SPACE, 0);
    table.onObservation(id, 1, 0);
    table.admit(id, 1);
    assertThat(table.onObservation(id, 2, 0).isAccept()).isTrue(); // pipelined while 1 is in flight
    table.admit(id, 2);
    ObservationDecision inFlight = table.onObservation(id, 1, 0);
    assertThat(inFlight.kind()).isEqualTo(Kind.DUPLICATE);
    assertThat(inFlight.durable()).isFalse();
    assertThat(inFlight.expectedSeq()).isEqualTo(3);
    assertThat(inFlight.rejectReason()).isEmpty();
    table.markDurable(id, 1);
    assertThat(table.onObservation(id, 1, 0).durable()).isTrue();
    assertThat(table.onObservation(id, 2, 0).durable()).isFalse();
    assertThat(table.find(id).orElseThrow().inFlight()).isEqualTo(1);
  }

  @Test
  void unknownSession_isRefusedEverywhere() {
    SessionId stranger = SessionId.of("s-99");
    assertThat(table.onObservation(stranger, 1, 0).rejectReason()).contains(RejectReason.SESSION_UNKNOWN);
    assertThat(table.onFlowControl(stranger, FlowAction.PAUSE, 0)).isEmpty();
    assertThat(table.onClose(stranger, true, 0)).isEmpty();
    assertThat(table.find(stranger)).isEmpty();
  }

  @Test
  void pause_refusesNewObservationsUntilResumeButStillReacksDuplicates() {
    SessionId id = table.open(SPACE, 0);
    acceptDurably(table, id, 1, 0);
    assertThat(table.onFlowControl(id, FlowAction.PAUSE, 0)).contains(SessionState.PAUSED);
    assertThat(table.onObservation(id, 2, 0).rejectReason()).contains(RejectReason.SESSION_PAUSED);
    assertThat(table.onObservation(id, 1, 0).durable()).isTrue();
    assertThat(table.onFlowControl(id, FlowAction.SLOW_DOWN, 0)).contains(SessionState.PAUSED);
    assertThat(table.onFlowControl(id, FlowAction.RESUME, 0)).contains(SessionState.ACTIVE);
    assertThat(table.onObservation(id, 2, 0).isAccept()).isTrue();
    assertThat(SessionState.PAUSED.toStatus()).isEqualTo(SessionStatus.PAUSED);
  }

  @Test
  void close_withDrainWaitsForInFlightThenCloses() {
    SessionId id = table.open(SPACE, 0);
    acceptDurably(table, id, 1, 0);
    table.onObservation(id, 2, 0);
    table.admit(id, 2);
    assertThat(table.onClose(id, true, 0)).contains(SessionState.DRAINING);
    assertThat(table.onObservation(id, 3, 0).rejectReason()).contains(RejectReason.SESSION_CLOSED);
    assertThat(table.onFlowControl(id, FlowAction.RESUME, 0)).contains(SessionState.DRAINING);
    assertThat(table.markDurable(id, 2)).isTrue();
    assertThat(table.find(id).orElseThrow().state()).isEqualTo(SessionState.CLOSED);
    assertThat(table.onObservation(id, 2, 0).durable()).isTrue(); // a late duplicate is still re-acked
    assertThat(table.onClose(id, true, 0)).contains(SessionState.CLOSED);
    assertThat(table.liveCount()).isZero();
  }

  @Test
  void close_withDrainStaysDrainingUntilTheLastInFlightIsDurable() {
    SessionId id = table.open(SPACE, 0);
    for (long seq = 1; seq <= 3; seq++) {
      table.onObservation(id, seq, 0);
      table.admit(id, seq);
    }
    assertThat(table.onClose(id, true, 0)).contains(SessionState.DRAINING);

    assertThat(table.markDurable(id, 1)).isFalse();
    assertThat(table.markDurable(id, 2)).isFalse();
    assertThat(table.find(id).orElseThrow().state()).isEqualTo(SessionState.DRAINING);
    assertThat(table.markDurable(id, 3)).isTrue();
    assertThat(table.find(id).orElseThrow().state()).isEqualTo(SessionState.CLOSED);
  }

  @Test
  void close_withoutDrainClosesAtOnceAndLetsInFlightStillBecomeDurable() {
    SessionId id = table.open(SPACE, 0);
    table.onObservation(id, 1, 0);
    table.admit(id, 1);
    assertThat(table.onClose(id, false, 0)).contains(SessionState.CLOSED);
    assertThat(table.onObservation(id, 2, 0).kind()).isEqualTo(Kind.CLOSED);
    assertThat(table.markDurable(id, 1)).isFalse();
    assertThat(table.find(id).orElseThrow().durableSeq()).isEqualTo(1);
  }

  @Test
  void close_withDrainAndNothingInFlightClosesAtOnce() {
    SessionId id = table.open(SPACE, 0);
    assertThat(table.onClose(id, true, 0)).contains(SessionState.CLOSED);
  }

  @Test
  void misuse_isABugNotADecision() {
    SessionId id = table.open(SPACE, 0);
    assertThatThrownBy(() -> table.admit(id, 2)).isInstanceOf(AssertionError.class);
    assertThatThrownBy(() -> table.markDurable(id, 1)).isInstanceOf(AssertionError.class);
    table.admit(id, 1);
    table.onObservation(id, 2, 0);
    table.admit(id, 2);
    assertThatThrownBy(() -> table.markDurable(id, 2)).isInstanceOf(AssertionError.class);
    assertThatThrownBy(() -> table.onObservation(id, 0, 0)).isInstanceOf(AssertionError.class);
  }

  @Test
  void duplicatesAsGapsMutant_answersADuplicateAsAGap() {
    SessionTable mutated = new SessionTable(SessionOptions.defaults(), Set.of(EngineMutant.DUPLICATES_AS_GAPS));
    SessionId id = mutated.open(SPACE, 0);
    acceptDurably(mutated, id, 2, 0);
    ObservationDecision duplicate = mutated.onObservation(id, 1, 0);
    assertThat(duplicate.kind()).isEqualTo(Kind.GAP);
    assertThat(duplicate.expectedSeq()).isEqualTo(3);
    assertThat(mutated.onObservation(id, 3, 0).isAccept()).isTrue(); // everything else unchanged
    SessionId plain = table.open(SPACE, 0);
    acceptDurably(table, plain, 2, 0);
    assertThat(table.onObservation(plain, 1, 0).kind()).isEqualTo(Kind.DUPLICATE);
  }

  @Test
  void options_validate() {
    assertThatThrownBy(() -> SessionOptions.defaults().withIdleTimeoutNanos(0))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(SessionOptions.defaults().idleTimeoutNanos()).isEqualTo(300 * SECOND);
  }
}
