package io.detsim.engine.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.detsim.sim.port.Traced;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

class MessagesTest {
  static final SessionId SESSION = SessionId.of("s-1");
  static final int DIMENSION = 3;

  static Episode episode() {
    return new Episode("e-7", "alpha", 5, "text", new float[] {0.5f, 0.25f, 1f}, 0.9f);
  }

  static List<Object> everyMessage() {
    Capabilities capabilities = new Capabilities(100_000, 1_000, DIMENSION, true, true);
    return List.of(
        new Init(3, "alpha", 128, true, 10),
        new Observation(SESSION, 4, Priority.LOW, episode()),
        new FlowControl(SESSION, FlowAction.PAUSE),
        new Close(SESSION, true, 9),
        new Recall(8, "alpha", null, new float[] {1, 0, 0}, 5, true),
        new InitAck(3, SESSION, SpaceId.of("alpha"), 1, capabilities),
        Ack.accepted(SESSION, 4, "e-7"),
        Ack.rejected(SESSION, 6, RejectReason.OVER_CAPACITY, 2_000_000_000L, 0),
        new Status(SESSION, SessionStatus.BACKPRESSURE, 850, 1_000),
        new RecallBatch(8, 0, List.of(new RecallHit("e-7", SpaceId.of("alpha"), 0.5f)), false, 12, null));
  }

  @Test
  void traceDetail_isTheSameForTheSameContent() {
    List<Object> first = everyMessage();
    List<Object> second = everyMessage();
    for (int i = 0; i < first.size(); i++) {
      String text = ((Traced) first.get(i)).traceDetail();
      assertThat(text).isEqualTo(((Traced) second.get(i)).traceDetail());
      assertThat(text).doesNotContain("@").hasSizeLessThan(160);
      assertThat(first.get(i)).isEqualTo(second.get(i)).hasSameHashCodeAs(second.get(i));
    }
  }

  @Test
  void traceDetail_namesEnumsAndSizesNotEmbeddings() {
    assertThat(new Observation(SESSION, 4, Priority.LOW, episode()).traceDetail())
        .isEqualTo("obs s-1#4 LOW ep=e-7 space=alpha dim=3");
    assertThat(Ack.rejected(SESSION, 6, RejectReason.SEQUENCE_GAP, 0, 5).traceDetail())
        .isEqualTo("ack s-1#6 REJECTED SEQUENCE_GAP expected=5");
    assertThat(new Status(SESSION, SessionStatus.OVERLOADED, 950, 1_000).traceDetail())
        .isEqualTo("status s-1 OVERLOADED 950/1000");
    assertThat(new Recall(8, "alpha", null, new float[] {1, 0, 0}, 5, true).traceDetail())
        .isEqualTo("recall req=8 space=alpha session=- k=5 dim=3 snapshot=true");
  }

  @Test
  void validate_reportsProblemsInsteadOfThrowing() {
    assertThat(new Init(1, "no", 0, false, 0).validate(DIMENSION)).isPresent();
    assertThat(new Init(1, "alpha", -1, false, 0).validate(DIMENSION)).isPresent();
    assertThat(new Observation(SESSION, 0, Priority.NORMAL, episode()).validate(DIMENSION)).isPresent();
    assertThat(new Observation(SESSION, 1, Priority.NORMAL, episode()).validate(DIMENSION)).isEmpty();
    assertThat(new Observation(SESSION, 1, Priority.NORMAL, episode()).validate(DIMENSION + 1)).isPresent();
    assertThat(new Recall(1, "alpha", SESSION, new float[] {1, 0, 0}, 0, false).validate(DIMENSION)).isPresent();
    assertThat(new Recall(1, "alpha", SESSION, new float[] {0, 0, 0}, 1, false).validate(DIMENSION)).isPresent();
    assertThat(new Recall(1, "alpha", SESSION, new float[] {1, 0, 0}, 1, false).validate(DIMENSION)).isEmpty();
    assertThat(new Close(SESSION, false, -1).validate(DIMENSION)).isPresent();
    assertThat(new FlowControl(SESSION, FlowAction.RESUME).validate(DIMENSION)).isEmpty();
  }

  @Test
  void recall_copiesItsCueAndComparesByContent() {
    float[] cue = {1, 0, 0};
    Recall recall = new Recall(1, "alpha", SESSION, cue, 3, true);
    cue[0] = 7;
    recall.cue()[1] = 7;
    assertThat(recall.cue()).containsExactly(1, 0, 0);
    assertThat(recall).isEqualTo(new Recall(1, "alpha", SESSION, new float[] {1, 0, 0}, 3, true));
  }

  @Test
  void ack_refusesInconsistentCombinations() {
    assertInvalid(() -> new Ack(SESSION, 1, AckOutcome.ACCEPTED, RejectReason.OVER_CAPACITY, 0, "e-1", 0));
    assertInvalid(() -> new Ack(SESSION, 1, AckOutcome.REJECTED, null, 0, null, 0));
    assertInvalid(() -> new Ack(SESSION, 1, AckOutcome.ACCEPTED, null, 0, null, 0));
    assertInvalid(() -> new Ack(SESSION, 1, AckOutcome.ACCEPTED, null, 5, "e-1", 0));
    assertInvalid(() -> Ack.rejected(SESSION, 1, RejectReason.OVER_CAPACITY, -1, 0));
    assertThat(Ack.indexed(SESSION, 1, "e-1").outcome()).isEqualTo(AckOutcome.INDEXED);
  }

  @Test
  void status_derivesPressureFromDepthAndCapacity() {
    assertThat(new Status(SESSION, SessionStatus.ACTIVE, 499, 1_000).pressurePercent()).isEqualTo(49);
    assertThat(new Status(SESSION, SessionStatus.CLOSED, 0, 0).pressurePercent()).isZero();
  }

  @Test
  void recallBatch_refusalCarriesNoResults() {
    RecallBatch refused = RecallBatch.rejected(4, RejectReason.INVALID_INPUT);
    assertThat(refused.traceDetail()).isEqualTo("recall-batch req=4 #0 REJECTED INVALID_INPUT");
    assertInvalid(() -> new RecallBatch(4, 0, List.of(), true, 0, RejectReason.INVALID_INPUT));
  }

  static void assertInvalid(Supplier<?> construction) {
    assertThatThrownBy(construction::get).isInstanceOf(IllegalArgumentException.class);
  }
}
