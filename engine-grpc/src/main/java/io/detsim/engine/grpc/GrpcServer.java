package io.detsim.engine.grpc;

import io.detsim.engine.real.EmbeddedEngine;
import io.grpc.Server;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.util.concurrent.TimeUnit;

/**
 * An {@link EmbeddedEngine} served over gRPC on Netty: the wire in front of the same engine, sessions
 * and admission that a Java program embeds. Closing it stops taking calls, lets those open finish (up
 * to the grace period), then stops the server; the engine stays its owner's to shut down.
 *
 * <pre>{@code
 * try (EmbeddedEngine engine = EmbeddedEngine.start(EmbeddedConfig.of(Path.of("data"), 128));
 *      GrpcServer server = GrpcServer.start(engine, GrpcSettings.loopback(50051))) {
 *   server.awaitTermination();
 * }
 * }</pre>
 */
public final class GrpcServer implements AutoCloseable {
  private static final long GRACE_SECONDS = 30;
  private final Server server;
  private final ConnectionLimit connections;

  private GrpcServer(Server server, ConnectionLimit connections) {
    this.server = server;
    this.connections = connections;
  }

  /** Binds and starts serving; throws {@link UncheckedIOException} when the address cannot be bound. */
  public static GrpcServer start(EmbeddedEngine engine, GrpcSettings settings) {
    ConnectionLimit connections = new ConnectionLimit(settings.maxConnections());
    NettyServerBuilder builder = NettyServerBuilder.forAddress(new InetSocketAddress(settings.bind(), settings.port()))
        .addService(new EngineService(engine, settings.maxMessageBytes()))
        // Up to twice the limit, a message reaches the session, which refuses it with RESOURCE_EXHAUSTED
        // and goes on; beyond that the transport cuts the stream (the client sees CANCELLED), so no
        // message costs more memory than that.
        .maxInboundMessageSize(transportLimit(settings.maxMessageBytes()))
        .maxConcurrentCallsPerConnection(settings.maxStreamsPerConnection())
        .addTransportFilter(connections);
    settings.token().ifPresent(token -> builder.intercept(new BearerToken(token)));
    builder.intercept(connections); // added last, so it runs first: a refused connection learns nothing more
    settings.tls().ifPresent(tls -> builder.useTransportSecurity(tls.certificateChain().toFile(),
        tls.privateKey().toFile()));
    try {
      return new GrpcServer(builder.build().start(), connections);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot serve on " + settings.bind() + ":" + settings.port() + ": "
          + e.getMessage(), e);
    }
  }

  static int transportLimit(int maxMessageBytes) {
    return (int) Math.min(Integer.MAX_VALUE, 2L * maxMessageBytes);
  }

  /** The port it listens on (the one chosen when the settings asked for 0). */
  public int port() {
    return server.getPort();
  }

  /** Client connections open now, refused ones included. */
  public int openConnections() {
    return connections.open();
  }

  /** Blocks until the server has stopped. */
  public void awaitTermination() throws InterruptedException {
    server.awaitTermination();
  }

  /** Stops taking calls, waits up to 30 s for those open, then cuts the rest. */
  @Override
  public void close() {
    server.shutdown();
    try {
      if (!server.awaitTermination(GRACE_SECONDS, TimeUnit.SECONDS)) {
        server.shutdownNow().awaitTermination(GRACE_SECONDS, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      server.shutdownNow();
      Thread.currentThread().interrupt();
    }
  }
}
