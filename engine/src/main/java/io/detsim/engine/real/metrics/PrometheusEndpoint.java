package io.detsim.engine.real.metrics;

import io.detsim.engine.metrics.MetricsSnapshot;
import io.detsim.engine.real.EngineHealth;
import io.detsim.engine.real.EngineState;
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
 * exports it on {@code /metrics} (also {@code /}): every family of {@code MetricNames} that has a
 * series, which is every family once recorded into.
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
 * <p>Threads: the supplier is called on the server's own (daemon) threads, several at once when
 * scrapes overlap (the client's pool has up to 10). {@code EngineMetrics} is not thread-safe, so the
 * supplier must take its snapshot where the recording happens (under the same lock, or by handing
 * over a snapshot the engine thread published), never by calling {@code EngineMetrics.snapshot()}
 * from here unguarded. A supplier that throws fails that one scrape (HTTP 500), not the server.
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
    return start(host, port, snapshots, null);
  }

  /**
   * Starts serving an embedded engine's metrics on the loopback address, with its health beside
   * them ({@link HealthCollector}): while the engine is not running only the health is served, so a
   * failed engine scrapes as {@code detsim_engine_state{state="failed"} 1}, not as an HTTP error.
   */
  public static PrometheusEndpoint start(int port, Supplier<MetricsSnapshot> snapshots,
      Supplier<EngineHealth> health) {
    return start(LOOPBACK_HOST, port, snapshots, Objects.requireNonNull(health, "health"));
  }

  private static PrometheusEndpoint start(String host, int port, Supplier<MetricsSnapshot> snapshots,
      Supplier<EngineHealth> health) {
    Objects.requireNonNull(host, "host");
    Objects.requireNonNull(snapshots, "snapshots");
    if (port < 0 || port > 65_535) {
      throw new IllegalArgumentException("a TCP port is 0 to 65535, was " + port);
    }
    PrometheusRegistry registry = new PrometheusRegistry();
    Supplier<MetricsSnapshot> whileRunning = snapshots;
    if (health != null) {
      registry.register(new HealthCollector(health));
      whileRunning = () -> health.get().state() == EngineState.RUNNING ? snapshots.get() : null;
    }
    registry.register(new EngineCollector(whileRunning, new SnapshotConverter(FamilyCatalog.ofEngine())));
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

    /** Null from the supplier: the engine is not running, and has no metrics to give. */
    @Override
    public MetricSnapshots collect() {
      MetricsSnapshot snapshot = snapshots.get();
      return snapshot == null ? new MetricSnapshots() : converter.convert(snapshot);
    }
  }
}
