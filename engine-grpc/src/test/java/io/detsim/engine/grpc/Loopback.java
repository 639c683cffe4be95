package io.detsim.engine.grpc;

import static org.assertj.core.api.Assertions.assertThat;

import io.detsim.engine.grpc.wire.ClientFrame;
import io.detsim.engine.grpc.wire.EngineGrpc;
import io.detsim.engine.grpc.wire.Init;
import io.detsim.engine.grpc.wire.Observation;
import io.detsim.engine.grpc.wire.ServerFrame;
import io.detsim.engine.real.EmbeddedConfig;
import io.detsim.engine.real.EmbeddedEngine;
import io.grpc.ManagedChannel;
import io.grpc.ManagedChannelBuilder;
import io.grpc.Status;
import io.grpc.stub.StreamObserver;
import java.nio.file.Path;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;

/**
 * A real engine on a temporary folder served on a free loopback port, and plaintext channels to it.
 * Every wait is for a condition, never for a time, and untimed: the build's hang guard ends one that
 * never would. {@link #LIVENESS_SECONDS} is only the gRPC client's own connect deadline.
 */
final class Loopback implements AutoCloseable {
  static final int DIMENSION = 4;
  static final long LIVENESS_SECONDS = 60;

  final EmbeddedEngine engine;
  final GrpcServer server;

  Loopback(Path data, GrpcSettings settings) {
    this.engine = EmbeddedEngine.start(EmbeddedConfig.of(data, DIMENSION).withSeed(1));
    this.server = GrpcServer.start(engine, settings);
  }

  Loopback(Path data) {
    this(data, GrpcSettings.loopback(0));
  }

  ManagedChannel channel() {
    return ManagedChannelBuilder.forAddress("127.0.0.1", server.port()).usePlaintext().build();
  }

  /** One session stream's client side: what it sends, and the frames (or the end) that come back. */
  static final class Session implements StreamObserver<ServerFrame> {
    final BlockingQueue<ServerFrame> frames = new LinkedBlockingQueue<>();
    final BlockingQueue<Status> end = new LinkedBlockingQueue<>();
    final StreamObserver<ClientFrame> out;

    Session(ManagedChannel channel) {
      this.out = EngineGrpc.newStub(channel).session(this);
    }

    /** Sends Init and returns the InitAck's session id. */
    String init(String space) throws InterruptedException {
      out.onNext(ClientFrame.newBuilder().setInit(Init.newBuilder().setSpace(space)).build());
      ServerFrame ack = next();
      assertThat(ack.hasInitAck()).as("the first answer is the InitAck: %s", ack).isTrue();
      return ack.getInitAck().getSessionId();
    }

    void send(Observation observation) {
      out.onNext(ClientFrame.newBuilder().setObservation(observation).build());
    }

    ServerFrame next() throws InterruptedException {
      return frames.take();
    }

    /** The next Ack, skipping pressure changes. */
    io.detsim.engine.grpc.wire.Ack nextAck() throws InterruptedException {
      while (true) {
        ServerFrame frame = next();
        if (frame.hasAck()) {
          return frame.getAck();
        }
      }
    }

    Status awaitEnd() throws InterruptedException {
      return end.take();
    }

    @Override
    public void onNext(ServerFrame frame) {
      frames.add(frame);
    }

    @Override
    public void onError(Throwable error) {
      end.add(Status.fromThrowable(error));
    }

    @Override
    public void onCompleted() {
      end.add(Status.OK);
    }
  }

  static Observation observation(String session, long seq, float... embedding) {
    Observation.Builder builder = Observation.newBuilder().setSessionId(session).setSeq(seq)
        .setMemoryId("m" + seq).setContent("observation " + seq);
    for (float value : embedding) {
      builder.addEmbedding(value);
    }
    return builder.build();
  }

  @Override
  public void close() {
    server.close();
    engine.shutdown(false);
  }
}
