package io.detsim.bench.real;

import java.util.Locale;

/**
 * How the open-loop stream reaches the engine. The engine, its folder, the recall probe and the
 * indexed-count poller are the same for both; only the offers' path differs.
 */
public enum Transport {
  /** {@code EmbeddedEngine.offer}, in process: the engine's own API. */
  EMBEDDED,
  /**
   * Over the wire: the engine served by engine-grpc's {@code GrpcServer} on 127.0.0.1 (an ephemeral
   * port) in this process, offers made through its {@code GrpcOfferClient}, one session stream per
   * space ({@link WireLoopback}).
   */
  GRPC;

  /** {@code embedded} or {@code grpc}, as the command line spells it. */
  public String text() {
    return name().toLowerCase(Locale.ROOT);
  }
}
