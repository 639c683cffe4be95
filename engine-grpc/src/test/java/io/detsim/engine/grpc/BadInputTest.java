package io.detsim.engine.grpc;

import static io.detsim.engine.grpc.Loopback.observation;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.detsim.engine.grpc.wire.Ack;
import io.detsim.engine.grpc.wire.AckOutcome;
import io.detsim.engine.grpc.wire.ClientFrame;
import io.detsim.engine.grpc.wire.EngineGrpc;
import io.detsim.engine.grpc.wire.Init;
import io.detsim.engine.grpc.wire.RecallRequest;
import io.detsim.engine.grpc.wire.RejectReason;
import io.grpc.ManagedChannel;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Each bad input gets its precise status and a message naming what was wrong, and the session goes
 * on: after every refusal in a session, the next good observation of the same session is ACCEPTED.
 */
class BadInputTest {
  @TempDir
  Path data;
  Loopback loopback;
  ManagedChannel channel;

  @BeforeEach
  void start() {
    loopback = new Loopback(data, GrpcSettings.loopback(0).withMaxMessageBytes(64 * 1024));
    channel = loopback.channel();
  }

  @AfterEach
  void stop() {
    channel.shutdownNow();
    loopback.close();
  }

  @Test
  void wrongDimension_isInvalidArgument_andTheSessionGoesOn() throws Exception {
    Ack ack = refusedThenGoesOn(session -> observation(session, 1, 1, 2, 3));
    assertThat(ack.getReason()).isEqualTo(RejectReason.INVALID_INPUT);
    assertThat(ack.getMessage()).contains("dimension 3, expected 4");
  }

  @Test
  void nanValue_isInvalidArgument_andTheSessionGoesOn() throws Exception {
    Ack ack = refusedThenGoesOn(session -> observation(session, 1, 1, Float.NaN, 3, 4));
    assertThat(ack.getReason()).isEqualTo(RejectReason.INVALID_INPUT);
    assertThat(ack.getMessage()).contains("non-finite value at 1");
  }

  @Test
  void infiniteValue_isInvalidArgument_andTheSessionGoesOn() throws Exception {
    Ack ack = refusedThenGoesOn(session -> observation(session, 1, 1, 2, 3, Float.NEGATIVE_INFINITY));
    assertThat(ack.getMessage()).contains("non-finite value at 3");
  }

  @Test
  void sessionIdOfAnotherSession_isInvalidArgument_andTheSessionGoesOn() throws Exception {
    Ack ack = refusedThenGoesOn(session -> observation(session + "-other", 1, 1, 2, 3, 4));
    assertThat(ack.getReason()).isEqualTo(RejectReason.SESSION_UNKNOWN);
    assertThat(ack.getMessage()).contains("names session");
  }

  @Test
  void sequenceNumberNotRising_isInvalidArgument() throws Exception {
    Loopback.Session session = new Loopback.Session(channel);
    String id = session.init("notes");
    session.send(observation(id, 5, 1, 2, 3, 4));
    assertThat(session.nextAck().getOutcome()).isEqualTo(AckOutcome.ACCEPTED);
    session.send(observation(id, 5, 1, 2, 3, 4));
    Ack again = session.nextAck();
    assertThat(again.getStatusCode()).isEqualTo(Status.Code.INVALID_ARGUMENT.value());
    assertThat(again.getReason()).isEqualTo(RejectReason.SEQUENCE_GAP);
    assertThat(again.getMessage()).contains("sequence number 5 is not after 5");
  }

  @Test
  void badSpaceNameInInit_endsTheStreamWithInvalidArgument() throws Exception {
    Loopback.Session session = new Loopback.Session(channel);
    session.out.onNext(ClientFrame.newBuilder().setInit(Init.newBuilder().setSpace("No Such Space!")).build());
    Status status = session.awaitEnd();
    assertThat(status.getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
    assertThat(status.getDescription()).startsWith("init: ");
    assertThat(new Loopback.Session(channel).init("notes")).as("the engine goes on").isNotEmpty();
  }

  @Test
  void observationBeforeInit_isFailedPrecondition() throws Exception {
    Loopback.Session session = new Loopback.Session(channel);
    session.send(observation("s", 1, 1, 2, 3, 4));
    assertThat(session.awaitEnd().getCode()).isEqualTo(Status.Code.FAILED_PRECONDITION);
  }

  @Test
  void oversizedObservation_isResourceExhausted_andTheSessionGoesOn() throws Exception {
    float[] large = new float[24 * 1024]; // 96 KB of floats: over the 64 KB limit, under the transport's cut
    large[0] = 1;
    Ack ack = refusedThenGoesOn(session -> observation(session, 1, large), Status.Code.RESOURCE_EXHAUSTED);
    assertThat(ack.getMessage()).contains("at most 65536");
  }

  @Test
  void messageOverTwiceTheLimit_isCutByTheTransport_andTheEngineGoesOn() throws Exception {
    Loopback.Session session = new Loopback.Session(channel);
    String id = session.init("notes");
    session.send(observation(id, 1, new float[48 * 1024])); // 192 KB: over the transport's 128 KB
    assertThat(session.awaitEnd().isOk()).isFalse();
    Loopback.Session next = new Loopback.Session(channel);
    String nextId = next.init("notes");
    next.send(observation(nextId, 1, 1, 2, 3, 4));
    assertThat(next.nextAck().getOutcome()).isEqualTo(AckOutcome.ACCEPTED);
  }

  @Test
  void recallOfAnUnknownSpace_isNotFound() {
    StatusRuntimeException refused = catchThrowableOfType(StatusRuntimeException.class,
        () -> EngineGrpc.newBlockingStub(channel).recall(cue("never-written", 3, 1, 2, 3, 4)).forEachRemaining(p -> {}));
    assertThat(refused.getStatus().getCode()).isEqualTo(Status.Code.NOT_FOUND);
    assertThat(refused.getStatus().getDescription()).contains("never-written");
  }

  @Test
  void recallWithACueOfTheWrongDimension_isInvalidArgument() {
    StatusRuntimeException refused = catchThrowableOfType(StatusRuntimeException.class,
        () -> EngineGrpc.newBlockingStub(channel).recall(cue("notes", 3, 1, 2)).forEachRemaining(p -> {}));
    assertThat(refused.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
    assertThat(refused.getStatus().getDescription()).contains("cue has dimension 2, expected 4");
  }

  @Test
  void recallWithKZero_isInvalidArgument() {
    StatusRuntimeException refused = catchThrowableOfType(StatusRuntimeException.class,
        () -> EngineGrpc.newBlockingStub(channel).recall(cue("notes", 0, 1, 2, 3, 4)).forEachRemaining(p -> {}));
    assertThat(refused.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
    assertThat(refused.getStatus().getDescription()).contains("maxResults");
  }

  /** Opens a session, sends the bad observation as seq 1, checks INVALID_ARGUMENT, then a good seq 2. */
  private Ack refusedThenGoesOn(java.util.function.Function<String, io.detsim.engine.grpc.wire.Observation> bad)
      throws InterruptedException {
    return refusedThenGoesOn(bad, Status.Code.INVALID_ARGUMENT);
  }

  private Ack refusedThenGoesOn(java.util.function.Function<String, io.detsim.engine.grpc.wire.Observation> bad,
      Status.Code expected) throws InterruptedException {
    Loopback.Session session = new Loopback.Session(channel);
    String id = session.init("notes");
    session.send(bad.apply(id));
    Ack refused = session.nextAck();
    assertThat(refused.getOutcome()).isEqualTo(AckOutcome.REJECTED);
    assertThat(refused.getSeq()).isEqualTo(1);
    assertThat(refused.getStatusCode()).isEqualTo(expected.value());
    session.send(observation(id, 2, 1, 2, 3, 4));
    Ack next = session.nextAck();
    assertThat(List.of(next.getSeq(), next.getOutcome())).containsExactly(2L, AckOutcome.ACCEPTED);
    return refused;
  }

  static RecallRequest cue(String space, int k, float... values) {
    RecallRequest.Builder builder = RecallRequest.newBuilder().setSpace(space).setK(k);
    for (float value : values) {
      builder.addCue(value);
    }
    return builder.build();
  }
}
