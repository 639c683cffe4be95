package io.detsim.engine.real.metrics;

import io.detsim.engine.real.EngineHealth;
import io.detsim.engine.real.EngineState;
import io.prometheus.metrics.model.registry.MultiCollector;
import io.prometheus.metrics.model.snapshots.CounterSnapshot;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot;
import io.prometheus.metrics.model.snapshots.Labels;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import java.util.Locale;
import java.util.function.Supplier;

/**
 * The embedded engine's own health, beside the server's metrics: what the server cannot report
 * because it is gone (a failed engine) or never saw (offers refused at the edge). Named {@code
 * detsim_engine_*}, not {@code engram_streaming_*}: they are the embedding's, not the original
 * design's.
 *
 * <pre>
 * detsim_engine_state{state="running|failed|stopped"}  1 for the state the engine is in, 0 for the others
 * detsim_engine_pending_offers                          offers waiting for their answer
 * detsim_engine_offers_refused_at_edge_total            refused at once: too many pending
 * detsim_engine_offers_failed_total                     failed: the engine failed or stopped first
 * detsim_engine_store_full                              1 once the store is full (STORE_FULL), else 0
 * detsim_engine_offers_refused_store_full_total         refused at once as STORE_FULL: the store is full
 * </pre>
 */
final class HealthCollector implements MultiCollector {
  static final String STATE = "detsim_engine_state";
  static final String PENDING_OFFERS = "detsim_engine_pending_offers";
  static final String REFUSED_AT_EDGE = "detsim_engine_offers_refused_at_edge_total";
  static final String FAILED = "detsim_engine_offers_failed_total";
  static final String STORE_FULL = "detsim_engine_store_full";
  static final String REFUSED_STORE_FULL = "detsim_engine_offers_refused_store_full_total";

  private final Supplier<EngineHealth> health;

  HealthCollector(Supplier<EngineHealth> health) {
    this.health = health;
  }

  @Override
  public MetricSnapshots collect() {
    EngineHealth now = health.get();
    GaugeSnapshot.Builder state = GaugeSnapshot.builder().name(STATE)
        .help("1 for the state the embedded engine is in (running, failed, stopped), 0 for the others.");
    for (EngineState each : EngineState.values()) {
      state.dataPoint(GaugeSnapshot.GaugeDataPointSnapshot.builder()
          .labels(Labels.of("state", each.name().toLowerCase(Locale.ROOT)))
          .value(each == now.state() ? 1 : 0)
          .build());
    }
    return new MetricSnapshots(state.build(),
        gauge(PENDING_OFFERS, "Offers waiting for their answer.", now.pendingOffers()),
        counter(REFUSED_AT_EDGE, "Offers refused at once with OVER_CAPACITY because too many were pending; "
            + "the server never saw them.", now.offersRefusedAtEdge()),
        counter(FAILED, "Offers that failed: the engine failed or stopped before answering.", now.offersFailed()),
        gauge(STORE_FULL, "1 once the engine holds its budget of observations and refuses new ones as STORE_FULL "
            + "(for good: it never lets an observation go), else 0.", now.storeFull() ? 1 : 0),
        counter(REFUSED_STORE_FULL, "Offers refused at once with STORE_FULL after the server said the store is "
            + "full; the server never saw them.", now.offersRefusedStoreFull()));
  }

  private static GaugeSnapshot gauge(String name, String help, double value) {
    return GaugeSnapshot.builder().name(name).help(help)
        .dataPoint(GaugeSnapshot.GaugeDataPointSnapshot.builder().value(value).build()).build();
  }

  private static CounterSnapshot counter(String name, String help, double value) {
    return CounterSnapshot.builder().name(name).help(help)
        .dataPoint(CounterSnapshot.CounterDataPointSnapshot.builder().value(value).build()).build();
  }
}
