package io.detsim.engine.grpc;

import io.detsim.engine.grpc.wire.Ack;
import io.detsim.engine.grpc.wire.AckOutcome;
import io.detsim.engine.grpc.wire.ClientFrame;
import io.detsim.engine.grpc.wire.Closed;
import io.detsim.engine.grpc.wire.Init;
import io.detsim.engine.grpc.wire.InitAck;
import io.detsim.engine.grpc.wire.Observation;
import io.detsim.engine.grpc.wire.Pressure;
import io.detsim.engine.grpc.wire.PressureChange;
import io.detsim.engine.grpc.wire.ServerFrame;
import io.detsim.engine.protocol.Episode;
import io.detsim.engine.protocol.Priority;
import io.detsim.engine.protocol.RejectReason;
import io.detsim.engine.protocol.SpaceId;
import io.detsim.engine.real.EmbeddedEngine;
import io.detsim.engine.real.OfferResult;
import io.grpc.Status;
import io.grpc.stub.StreamObserver;
import java.util.Optional;

/**
 * One session stream: translates each wire frame into a call on the {@link EmbeddedEngine} and each
 * of its answers into an Ack. It decides nothing the engine decides: admission, capacity and
 * retry-after are the engine's ({@code OfferGate} and the server's queue), and the content checks
 * are the engine's own ({@link Episode#validate}). What it checks itself is what only the wire has:
 * that an observation names this stream's session, that its sequence number moves forward, and that
 * the client keeps within the window it was granted.
 *
 * <p>gRPC delivers a stream's frames one at a time; answers come from the engine's thread, so
 * everything sent goes through {@link #send}, which holds the lock that also guards the counters.
 */
final class WireSession implements StreamObserver<ClientFrame> {
  private final EmbeddedEngine engine;
  private final StreamObserver<ServerFrame> out;
  private final String sessionId;
  private final int windowMax;
  private final int maxMessageBytes;
  // guarded by this
  private String space;
  private int window;
  private int inFlight;
  private long lastSeq;
  private long accepted;
  private long rejected;
  private boolean closing;
  private boolean ended;
  private Pressure pressure = Pressure.ACTIVE;

  WireSession(EmbeddedEngine engine, StreamObserver<ServerFrame> out, String sessionId, int windowMax,
      int maxMessageBytes) {
    this.engine = engine;
    this.maxMessageBytes = maxMessageBytes;
    this.out = out;
    this.sessionId = sessionId;
    this.windowMax = windowMax;
  }

  @Override
  public void onNext(ClientFrame frame) {
    switch (frame.getFrameCase()) {
      case INIT -> init(frame.getInit());
      case OBSERVATION -> observe(frame.getObservation());
      case CLOSE -> close();
      case FRAME_NOT_SET -> end(Status.INVALID_ARGUMENT.withDescription("a frame with nothing in it"));
    }
  }

  @Override
  public void onError(Throwable cause) {
    synchronized (this) {
      ended = true; // the client went away: answers still coming are dropped, the engine keeps what it accepted
    }
  }

  @Override
  public void onCompleted() {
    close(); // a half-close is a Close
  }

  private synchronized void init(Init init) {
    if (space != null) {
      end(Status.FAILED_PRECONDITION.withDescription("this stream's session is open already: one Init a stream"));
      return;
    }
    Optional<String> problem = SpaceId.problemWith(init.getSpace());
    if (problem.isPresent()) {
      end(Status.INVALID_ARGUMENT.withDescription("init: " + problem.get()));
      return;
    }
    space = init.getSpace();
    window = init.getWindow() == 0 ? windowMax : Math.min(init.getWindow(), windowMax);
    send(ServerFrame.newBuilder().setInitAck(InitAck.newBuilder().setSessionId(sessionId).setSpace(space)
        .setWindow(window).setDimension(engine.config().dimension())).build());
  }

  private void observe(Observation observation) {
    Priority priority;
    synchronized (this) {
      if (space == null) {
        end(Status.FAILED_PRECONDITION.withDescription("an observation before Init"));
        return;
      }
      if (closing) {
        refuse(observation, RejectReason.SESSION_CLOSED, Status.Code.FAILED_PRECONDITION,
            "the session is closing: no observation after Close", 0);
        return;
      }
      if (!observation.getSessionId().equals(sessionId)) {
        refuse(observation, RejectReason.SESSION_UNKNOWN, Status.Code.INVALID_ARGUMENT,
            "observation " + observation.getSeq() + " names session '" + observation.getSessionId()
                + "', this stream's is '" + sessionId + "'", 0);
        return;
      }
      if (observation.getSeq() <= lastSeq) {
        refuse(observation, RejectReason.SEQUENCE_GAP, Status.Code.INVALID_ARGUMENT,
            "sequence number " + observation.getSeq() + " is not after " + lastSeq
                + ": sequence numbers rise within a session, from 1", 0);
        return;
      }
      if (observation.getSerializedSize() > maxMessageBytes) {
        lastSeq = observation.getSeq();
        refuse(observation, RejectReason.INVALID_INPUT, Status.Code.RESOURCE_EXHAUSTED,
            "observation " + observation.getSeq() + " is " + observation.getSerializedSize() + " bytes, at most "
                + maxMessageBytes, 0);
        return;
      }
      Optional<String> bad = episodeOf(observation).validate(engine.config().dimension());
      if (bad.isPresent()) {
        lastSeq = observation.getSeq();
        refuse(observation, RejectReason.INVALID_INPUT, Status.Code.INVALID_ARGUMENT,
            "observation " + observation.getSeq() + ": " + bad.get(), 0);
        return;
      }
      if (inFlight >= window) {
        refuse(observation, RejectReason.OVER_CAPACITY, Status.Code.RESOURCE_EXHAUSTED,
            "observation " + observation.getSeq() + ": the window of " + window + " unanswered observations is full",
            0);
        return;
      }
      lastSeq = observation.getSeq();
      inFlight++;
      priority = priorityOf(observation);
    }
    engine.offer(space, observation.getMemoryId(), toArray(observation), observation.getContent(), priority)
        .whenComplete((result, failure) -> answer(observation.getSeq(), result, failure));
  }

  private void answer(long seq, OfferResult result, Throwable failure) {
    synchronized (this) {
      inFlight--;
      if (failure != null) {
        rejected++;
        send(ackFrame(Ack.newBuilder().setSeq(seq).setOutcome(AckOutcome.REJECTED)
            .setReason(io.detsim.engine.grpc.wire.RejectReason.SHUTTING_DOWN)
            .setStatusCode(Status.Code.UNAVAILABLE.value())
            .setMessage("outcome unknown: " + failure.getMessage())));
      } else if (result.accepted()) {
        accepted++;
        pressureIs(Pressure.ACTIVE, 0);
        send(ackFrame(Ack.newBuilder().setSeq(seq).setOutcome(AckOutcome.ACCEPTED).setMemoryId(result.memoryId())));
      } else {
        rejected++;
        if (result.reason() == RejectReason.OVER_CAPACITY) {
          pressureIs(Pressure.BACKPRESSURE, result.retryAfterNanos());
        }
        send(ackFrame(Ack.newBuilder().setSeq(seq).setOutcome(AckOutcome.REJECTED)
            .setReason(Refusals.toWire(result.reason()))
            .setRetryAfterMillis(Refusals.millisRoundedUp(result.retryAfterNanos()))
            .setStatusCode(Refusals.codeOf(result.reason()).value())
            .setMessage("observation " + seq + " refused by the engine: " + result.reason())));
      }
      finishIfClosed();
    }
  }

  private synchronized void close() {
    closing = true;
    finishIfClosed();
  }

  private void finishIfClosed() {
    if (closing && inFlight == 0 && !ended) {
      send(ServerFrame.newBuilder().setClosed(Closed.newBuilder().setAccepted(accepted).setRejected(rejected))
          .build());
      ended = true;
      out.onCompleted();
    }
  }

  private void refuse(Observation observation, RejectReason reason, Status.Code code, String message,
      long retryAfterNanos) {
    rejected++;
    send(ackFrame(Ack.newBuilder().setSeq(observation.getSeq()).setOutcome(AckOutcome.REJECTED)
        .setReason(Refusals.toWire(reason)).setStatusCode(code.value()).setMessage(message)
        .setRetryAfterMillis(Refusals.millisRoundedUp(retryAfterNanos))));
  }

  private void pressureIs(Pressure now, long retryAfterNanos) {
    if (now != pressure) {
      pressure = now;
      send(ServerFrame.newBuilder().setPressure(PressureChange.newBuilder().setPressure(now)
          .setRetryAfterMillis(Refusals.millisRoundedUp(retryAfterNanos))).build());
    }
  }

  private void end(Status status) {
    synchronized (this) {
      if (ended) {
        return;
      }
      ended = true;
    }
    out.onError(status.asRuntimeException());
  }

  private synchronized void send(ServerFrame frame) {
    if (!ended) {
      out.onNext(frame);
    }
  }

  private static ServerFrame ackFrame(Ack.Builder ack) {
    return ServerFrame.newBuilder().setAck(ack).build();
  }

  private Episode episodeOf(Observation observation) {
    return new Episode(observation.getMemoryId(), space, 0, observation.getContent(), toArray(observation), 1.0f);
  }

  private static Priority priorityOf(Observation observation) {
    return switch (observation.getPriority()) {
      case HIGH -> Priority.HIGH;
      case LOW -> Priority.LOW;
      default -> Priority.NORMAL;
    };
  }

  private static float[] toArray(Observation observation) {
    float[] values = new float[observation.getEmbeddingCount()];
    for (int i = 0; i < values.length; i++) {
      values[i] = observation.getEmbedding(i);
    }
    return values;
  }
}
