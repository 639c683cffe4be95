package io.detsim.engine.metrics;

import java.util.List;

/**
 * The names of the engine's metric families, exactly as docs/engine.md keeps them from the original
 * design (so that its dashboards and alert rules still apply). Tests, the command line and the
 * Prometheus exposition all read metrics by these names.
 */
public final class MetricNames {
  private MetricNames() {}

  // Counters.
  public static final String OBSERVATIONS_TOTAL = "engram_streaming_observations_total";
  public static final String OBSERVATIONS_REJECTED_TOTAL = "engram_streaming_observations_rejected_total";
  public static final String BACKPRESSURE_ACTIVATIONS_TOTAL = "engram_streaming_backpressure_activations_total";
  public static final String BATCHES_PROCESSED_TOTAL = "engram_streaming_batches_processed_total";
  public static final String BATCH_FAILURES_TOTAL = "engram_streaming_batch_failures_total";
  public static final String WORK_STOLEN_TOTAL = "engram_streaming_work_stolen_total";

  // Gauges.
  public static final String QUEUE_DEPTH = "engram_streaming_queue_depth";
  public static final String WORKER_UTILIZATION = "engram_streaming_worker_utilization";
  /** A gauge despite its {@code _total} suffix: the original design's name, kept. */
  public static final String ACTIVE_SESSIONS_TOTAL = "engram_streaming_active_sessions_total";
  public static final String BACKPRESSURE_STATE = "engram_streaming_backpressure_state";
  public static final String QUEUE_MEMORY_BYTES = "engram_streaming_queue_memory_bytes";

  // Histograms.
  public static final String OBSERVATION_LATENCY_SECONDS = "engram_streaming_observation_latency_seconds";
  public static final String RECALL_LATENCY_SECONDS = "engram_streaming_recall_latency_seconds";
  public static final String BATCH_SIZE = "engram_streaming_batch_size";
  public static final String QUEUE_WAIT_TIME_SECONDS = "engram_streaming_queue_wait_time_seconds";

  /** Every family name, sorted. */
  public static List<String> all() {
    return Family.sortedNames();
  }
}
