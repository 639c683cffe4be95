package io.detsim.engine.grpc;

import io.detsim.sim.port.Check;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * How to serve an engine over gRPC.
 *
 * @param bind the address to listen on: 127.0.0.1 by default, so that nothing off this machine reaches
 *     an engine that has no token and no TLS
 * @param port the TCP port; 0 for any free one ({@link GrpcServer#port()})
 * @param tls the certificate chain and private key (PEM) to serve TLS with; empty for plaintext
 * @param token the bearer token every call must carry; empty for none
 * @param maxMessageBytes the largest observation taken in: a larger one is refused with RESOURCE_EXHAUSTED
 *     and its session goes on; a message over twice this is cut by the transport, ending its stream
 * @param maxConnections client connections at once; calls on one more end with RESOURCE_EXHAUSTED
 * @param maxStreamsPerConnection calls open at once on one connection (HTTP/2 concurrent streams)
 */
public record GrpcSettings(String bind, int port, Optional<Tls> tls, Optional<String> token, int maxMessageBytes,
    int maxConnections, int maxStreamsPerConnection) {
  /** A message of 4 MB holds an observation of a million dimensions; anything larger is a mistake. */
  public static final int MAX_MESSAGE_BYTES = 4 << 20;
  public static final int MAX_CONNECTIONS = 256;
  public static final int MAX_STREAMS_PER_CONNECTION = 64;

  /** A certificate chain and its private key, both PEM files. */
  public record Tls(Path certificateChain, Path privateKey) {
    public Tls {
      Objects.requireNonNull(certificateChain, "certificateChain");
      Objects.requireNonNull(privateKey, "privateKey");
    }
  }

  public GrpcSettings {
    Objects.requireNonNull(bind, "bind");
    Objects.requireNonNull(tls, "tls");
    Objects.requireNonNull(token, "token");
    Check.argument(port >= 0 && port <= 65_535, "port must be 0..65535: %d", port);
    Check.argument(maxMessageBytes > 0, "max message bytes must be positive: %d", maxMessageBytes);
    Check.argument(maxConnections > 0, "max connections must be positive: %d", maxConnections);
    Check.argument(maxStreamsPerConnection > 0, "max streams per connection must be positive: %d",
        maxStreamsPerConnection);
  }

  /** Plaintext on 127.0.0.1:{@code port}, no token, the default limits. */
  public static GrpcSettings loopback(int port) {
    return new GrpcSettings("127.0.0.1", port, Optional.empty(), Optional.empty(), MAX_MESSAGE_BYTES,
        MAX_CONNECTIONS, MAX_STREAMS_PER_CONNECTION);
  }

  public GrpcSettings withBind(String address) {
    return new GrpcSettings(address, port, tls, token, maxMessageBytes, maxConnections, maxStreamsPerConnection);
  }

  public GrpcSettings withTls(Tls value) {
    return new GrpcSettings(bind, port, Optional.of(value), token, maxMessageBytes, maxConnections,
        maxStreamsPerConnection);
  }

  public GrpcSettings withToken(String value) {
    return new GrpcSettings(bind, port, tls, Optional.of(value), maxMessageBytes, maxConnections,
        maxStreamsPerConnection);
  }

  public GrpcSettings withMaxMessageBytes(int value) {
    return new GrpcSettings(bind, port, tls, token, value, maxConnections, maxStreamsPerConnection);
  }

  public GrpcSettings withMaxConnections(int value) {
    return new GrpcSettings(bind, port, tls, token, maxMessageBytes, value, maxStreamsPerConnection);
  }

  public GrpcSettings withMaxStreamsPerConnection(int value) {
    return new GrpcSettings(bind, port, tls, token, maxMessageBytes, maxConnections, value);
  }
}
