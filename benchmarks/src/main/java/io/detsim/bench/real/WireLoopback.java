package io.detsim.bench.real;

import io.detsim.engine.grpc.GrpcOfferClient;
import io.detsim.engine.grpc.GrpcServer;
import io.detsim.engine.grpc.GrpcSettings;
import io.detsim.engine.real.EmbeddedEngine;
import java.time.Duration;
import java.util.List;

/**
 * The gRPC transport of a point: the point's engine served on 127.0.0.1 at a free port, and a client
 * with one session stream per space. Only engine-grpc's own API is used here, never a gRPC type:
 * gRPC, Netty and protobuf stay in that module.
 */
final class WireLoopback implements AutoCloseable {
  private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(30);
  private static final String CONTENT = "bench"; // as the embedded path sends

  private final GrpcServer server;
  private final GrpcOfferClient client;

  private WireLoopback(GrpcServer server, GrpcOfferClient client) {
    this.server = server;
    this.client = client;
  }

  static WireLoopback start(EmbeddedEngine engine, List<String> spaces) throws InterruptedException {
    GrpcServer server = GrpcServer.start(engine, GrpcSettings.loopback(0));
    try {
      return new WireLoopback(server, GrpcOfferClient.connect("127.0.0.1", server.port(), spaces, CONNECT_TIMEOUT));
    } catch (RuntimeException | InterruptedException e) {
      server.close();
      throw e;
    }
  }

  /** Offers through the wire: the client answers at once, the future completes with the server's Ack. */
  OfferSink sink() {
    return (space, embedding) -> client.offer(space, embedding, CONTENT);
  }

  /** Closes the sessions, then the server; the engine stays the point's to shut down. */
  @Override
  public void close() {
    try {
      client.close();
    } finally {
      server.close();
    }
  }
}
