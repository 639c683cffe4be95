package io.detsim.engine.metrics;

import io.detsim.engine.protocol.Priority;
import io.detsim.engine.protocol.RejectReason;
import io.detsim.engine.protocol.SpaceId;
import io.detsim.engine.queue.PressureState;
import io.detsim.sim.port.Clock;
import java.util.LinkedHashMap;
import java.util.Objects;

/**
 * The engine's metrics, with the names and labels of docs/engine.md: one typed method per metric,
 * read through {@link #snapshot()} and exported with {@link #toPrometheusText()}.
 *
 * <p>Time comes from the runtime's {@link Clock}: virtual time in simulation, the real clock in
 * production, the same code in both. Callers pass durations they measured themselves, or a start
 * time to the {@code *Since} methods, which read the clock. A duration below zero (a node clock
 * stepped back between start and end: part of the fault model) is recorded as 0, never thrown.
 *
 * <p>The recording methods run on the hot path, once or more per observation: after a series'
 * first use they find it through maps keyed by the {@link SpaceId} and arrays indexed by enum
 * ordinal, and allocate nothing. A series appears when first recorded into; the three unlabeled
 * families (active sessions, queue memory, recall latency) exist from the start, at 0.
 *
 * <p>Not thread-safe: like the rest of the engine, it expects its callers to run one at a time (a
 * real runtime with several threads must confine recording to one of them or lock around it).
 */
public final class EngineMetrics {
  private static final double PERCENT = 100.0;

  private final Clock clock;
  private final Registry registry = new Registry();
  private final LinkedHashMap<SpaceId, SpaceSeries> spaces = new LinkedHashMap<>();
  private final SpaceSeries spaceUnknown = new SpaceSeries(registry, Labels.SPACE_UNKNOWN);
  private final LinkedHashMap<Integer, WorkerSeries> workers = new LinkedHashMap<>();
  private final Gauge[] queueDepth = new Gauge[Priority.values().length];
  private final HistogramSeries[] queueWaitTime = new HistogramSeries[Priority.values().length];
  private final Gauge activeSessions;
  private final Gauge queueMemoryBytes;
  private final HistogramSeries recallLatency;

  public EngineMetrics(Clock clock) {
    this.clock = Objects.requireNonNull(clock, "clock");
    this.activeSessions = registry.gauge(Family.ACTIVE_SESSIONS);
    this.queueMemoryBytes = registry.gauge(Family.QUEUE_MEMORY_BYTES);
    this.recallLatency = registry.histogram(Family.RECALL_LATENCY);
  }

  // Counters.

  /** {@code engram_streaming_observations_total{memory_space,priority}}. */
  public void observationReceived(SpaceId space, Priority priority) {
    space(space).observations(priority).increment();
  }

  /** {@code engram_streaming_observations_rejected_total{memory_space,reason}}. */
  public void observationRejected(SpaceId space, RejectReason reason) {
    space(space).rejections(reason).increment();
  }

  /**
   * A refusal whose memory space is not known (an unknown session, say): counted with
   * {@code memory_space=""}, since no valid space id is empty. A space the client named but that
   * failed validation is not used as a label: it could be anything, of any length.
   */
  public void observationRejected(RejectReason reason) {
    spaceUnknown.rejections(reason).increment();
  }

  /** {@code engram_streaming_backpressure_activations_total{memory_space,level}}: a move into {@code level}. */
  public void backpressureActivated(SpaceId space, PressureState level) {
    space(space).activations(level).increment();
  }

  /** {@code engram_streaming_batches_processed_total{worker_id}}. */
  public void batchProcessed(int workerId) {
    worker(workerId).batchesProcessed().increment();
  }

  /** {@code engram_streaming_batch_failures_total{worker_id,error_type}}; keep error types few. */
  public void batchFailed(int workerId, String errorType) {
    Objects.requireNonNull(errorType, "errorType");
    worker(workerId).failures(errorType).increment();
  }

  /** {@code engram_streaming_work_stolen_total{worker_id}}: {@code workerId} is the thief. */
  public void workStolen(int workerId) {
    worker(workerId).workStolen().increment();
  }

  // Gauges.

  /** {@code engram_streaming_queue_depth{priority}}. */
  public void queueDepth(Priority priority, long depth) {
    requireNotNegative(depth, "queue depth");
    int lane = priority.ordinal();
    if (queueDepth[lane] == null) {
      queueDepth[lane] = registry.gauge(Family.QUEUE_DEPTH, Labels.of(priority));
    }
    queueDepth[lane].set(depth);
  }

  /**
   * {@code engram_streaming_worker_utilization{worker_id}}, from the share of a window the worker
   * was busy, 0 to 1 (values outside are clamped). Exported in percent, 0 to 100, as the original
   * design does: its alert on utilization imbalance compares percentage points.
   */
  public void workerUtilization(int workerId, double ratio) {
    if (Double.isNaN(ratio)) {
      throw new IllegalArgumentException("worker utilization is not a number");
    }
    double clamped = ratio < 0 ? 0 : (ratio > 1 ? 1 : ratio);
    worker(workerId).utilization().set(clamped * PERCENT);
  }

  /**
   * The same, from the busy time within a window of the runtime's clock. A window of no time (the
   * clock stepped back) leaves the gauge as it was: it says nothing about the worker.
   */
  public void workerUtilization(int workerId, long busyNanos, long windowNanos) {
    if (windowNanos <= 0) {
      return;
    }
    long busy = busyNanos < 0 ? 0 : (busyNanos > windowNanos ? windowNanos : busyNanos);
    worker(workerId).utilization().set(PERCENT * busy / windowNanos);
  }

  /** {@code engram_streaming_active_sessions_total} (a gauge, despite its name). */
  public void activeSessions(long sessions) {
    requireNotNegative(sessions, "active sessions");
    activeSessions.set(sessions);
  }

  /** {@code engram_streaming_backpressure_state{memory_space}}, exported as the level 0 to 3. */
  public void backpressureState(SpaceId space, PressureState state) {
    space(space).backpressureState().set(state.level());
  }

  /** {@code engram_streaming_queue_memory_bytes}. */
  public void queueMemoryBytes(long bytes) {
    requireNotNegative(bytes, "queue memory");
    queueMemoryBytes.set(bytes);
  }

  // Histograms.

  /** {@code engram_streaming_observation_latency_seconds{memory_space}}. */
  public void observationLatency(SpaceId space, long nanos) {
    space(space).observationLatency().record(nanos);
  }

  /** The same, from {@code startNanos} (read from this runtime's clock) to now. */
  public void observationLatencySince(SpaceId space, long startNanos) {
    observationLatency(space, clock.nowNanos() - startNanos);
  }

  /** {@code engram_streaming_recall_latency_seconds}. */
  public void recallLatency(long nanos) {
    recallLatency.record(nanos);
  }

  /** The same, from {@code startNanos} (read from this runtime's clock) to now. */
  public void recallLatencySince(long startNanos) {
    recallLatency(clock.nowNanos() - startNanos);
  }

  /** {@code engram_streaming_batch_size{worker_id}}, in observations. */
  public void batchSize(int workerId, long items) {
    requireNotNegative(items, "batch size");
    worker(workerId).batchSize().record(items);
  }

  /** {@code engram_streaming_queue_wait_time_seconds{priority}}. */
  public void queueWaitTime(Priority priority, long nanos) {
    int lane = priority.ordinal();
    if (queueWaitTime[lane] == null) {
      queueWaitTime[lane] = registry.histogram(Family.QUEUE_WAIT_TIME, Labels.of(priority));
    }
    queueWaitTime[lane].record(nanos);
  }

  /** The same, from {@code enqueuedAtNanos} (read from this runtime's clock) to now. */
  public void queueWaitTimeSince(Priority priority, long enqueuedAtNanos) {
    queueWaitTime(priority, clock.nowNanos() - enqueuedAtNanos);
  }

  // Reading.

  /** Every metric as it stands now; later recordings do not change it. */
  public MetricsSnapshot snapshot() {
    return registry.snapshot(clock.nowNanos());
  }

  /** {@code snapshot().toPrometheusText()}. */
  public String toPrometheusText() {
    return snapshot().toPrometheusText();
  }

  private SpaceSeries space(SpaceId space) {
    SpaceSeries series = spaces.get(space);
    if (series == null) {
      series = new SpaceSeries(registry, space.value());
      spaces.put(space, series);
    }
    return series;
  }

  private WorkerSeries worker(int workerId) {
    WorkerSeries series = workers.get(workerId);
    if (series == null) {
      series = new WorkerSeries(registry, workerId);
      workers.put(workerId, series);
    }
    return series;
  }

  private static void requireNotNegative(long value, String what) {
    if (value < 0) {
      throw new IllegalArgumentException(what + " cannot be negative: " + value);
    }
  }
}
