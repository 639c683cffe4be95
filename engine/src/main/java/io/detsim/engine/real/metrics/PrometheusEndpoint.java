package io.detsim.engine.real.metrics;

import io.detsim.engine.metrics.MetricsSnapshot;
import io.prometheus.metrics.exporter.httpserver.HTTPServer;
import io.prometheus.metrics.model.registry.MultiCollector;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * The real runtime's Prometheus scrape endpoint: an HTTP server (the official client's
 * {@link HTTPServer}) whose every scrape takes one {@link MetricsSnapshot} from the supplier and
 * exports it, with every family of {@code MetricNames}, on {@code /metrics} (also {@code /}).
 *
 * <p>The client negotiates the format from the {@code Accept} header: the Prometheus text format
 * 0.0.4 by default, OpenMetrics text for {@code application/openmetrics-text}, and the protobuf
 * format. Counters, gauges and classic histograms carry the engine's names, labels and buckets;
 * latencies are in seconds.
 *
 * <p>It binds to the loopback address unless told otherwise: metrics name memory spaces, which a
 * deployment may not want to publish beyond the host; expose it deliberately, with a host of
 * {@code "0.0.0.0"} or a reverse proxy.
 *
 * <p>Threads: the supplier is called on the server's own threads, possibly two at once when two
 * scrapes overlap. {@code EngineMetrics} is not thread-safe, so the supplier must take its snapshot
 * where the recording happens (under the same lock, or by handing over a snapshot the engine
 * thread published), never by calling {@code EngineMetrics.snapshot()} from here unguarded.
 */
public final class PrometheusEndpoint implements AutoCloseable {
  /** Where the endpoint listens unless told otherwise. */
  public static final String LOOPBACK_HOST = "127.0.0.1";

  private final HTTPServer server;

  private PrometheusEndpoint(HTTPServer server) {
    this.server = server;
  }

  /**
   * Starts serving on the loopback address.
   *
   * @param port the TCP port, or 0 for any free one (read it back with {@link #port()})
   * @throws UncheckedIOException when the port cannot be bound
   */
  public static PrometheusEndpoint start(int port, Supplier<MetricsSnapshot> snapshots) {
    return start(LOOPBACK_HOST, port, snapshots);
  }

  /**
   * Starts serving on {@code host} (a name or an address; {@code "0.0.0.0"} for every interface).
   *
   * @param port the TCP port, or 0 for any free one (read it back with {@link #port()})
   * @throws UncheckedIOException when the port cannot be bound
   */
  public static PrometheusEndpoint start(String host, int port, Supplier<MetricsSnapshot> snapshots) {
    Objects.requireNonNull(host, "host");
    Objects.requireNonNull(snapshots, "snapshots");
    if (port < 0 || port > 65_535) {
      throw new IllegalArgumentException("a TCP port is 0 to 65535, was " + port);
    }
    PrometheusRegistry registry = new PrometheusRegistry();
    registry.register(new EngineCollector(snapshots, new SnapshotConverter(FamilyCatalog.ofEngine())));
    try {
      return new PrometheusEndpoint(HTTPServer.builder().hostname(host).port(port).registry(registry).buildAndStart());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot serve metrics on " + host + ":" + port, e);
    }
  }

  /** The port it listens on: the one asked for, or the one chosen when asked for 0. */
  public int port() {
    return server.getPort();
  }

  /** Stops listening and releases the server's threads; idempotent. */
  @Override
  public void close() {
    server.close();
  }

  /** One scrape: one snapshot, converted whole, so a scrape never mixes two moments. */
  private static final class EngineCollector implements MultiCollector {
    private final Supplier<MetricsSnapshot> snapshots;
    private final SnapshotConverter converter;

    EngineCollector(Supplier<MetricsSnapshot> snapshots, SnapshotConverter converter) {
      this.snapshots = snapshots;
      this.converter = converter;
    }

    @Override
    public MetricSnapshots collect() {
      MetricsSnapshot snapshot = Objects.requireNonNull(snapshots.get(), "the snapshot supplier returned null");
      return converter.convert(snapshot);
    }
  }
}
