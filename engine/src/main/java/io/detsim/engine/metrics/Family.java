package io.detsim.engine.metrics;

import java.util.ArrayList;
import java.util.List;

/**
 * The definition of each metric family of docs/engine.md: its name, type, label names, help text and,
 * for a histogram, its buckets. The registry, the snapshot and the exposition all work from here,
 * so a family cannot be exported with other labels than it is recorded with.
 */
enum Family {
  OBSERVATIONS(MetricNames.OBSERVATIONS_TOTAL, Type.COUNTER,
      "Observations received, by memory space and priority lane.",
      List.of(Labels.MEMORY_SPACE, Labels.PRIORITY), null),
  OBSERVATIONS_REJECTED(MetricNames.OBSERVATIONS_REJECTED_TOTAL, Type.COUNTER,
      "Observations refused, by memory space (empty when unknown) and reason.",
      List.of(Labels.MEMORY_SPACE, Labels.REASON), null),
  BACKPRESSURE_ACTIVATIONS(MetricNames.BACKPRESSURE_ACTIVATIONS_TOTAL, Type.COUNTER,
      "Transitions into a pressure state, by memory space and the state entered.",
      List.of(Labels.MEMORY_SPACE, Labels.LEVEL), null),
  BATCHES_PROCESSED(MetricNames.BATCHES_PROCESSED_TOTAL, Type.COUNTER,
      "Batches a worker has processed.",
      List.of(Labels.WORKER_ID), null),
  BATCH_FAILURES(MetricNames.BATCH_FAILURES_TOTAL, Type.COUNTER,
      "Batches a worker failed to process, by error type.",
      List.of(Labels.WORKER_ID, Labels.ERROR_TYPE), null),
  WORK_STOLEN(MetricNames.WORK_STOLEN_TOTAL, Type.COUNTER,
      "Batches a worker took from another worker's queue.",
      List.of(Labels.WORKER_ID), null),

  QUEUE_DEPTH(MetricNames.QUEUE_DEPTH, Type.GAUGE,
      "Observations waiting in the queue, by priority lane.",
      List.of(Labels.PRIORITY), null),
  WORKER_UTILIZATION(MetricNames.WORKER_UTILIZATION, Type.GAUGE,
      "Percent (0 to 100) of the last window a worker was busy.",
      List.of(Labels.WORKER_ID), null),
  ACTIVE_SESSIONS(MetricNames.ACTIVE_SESSIONS_TOTAL, Type.GAUGE,
      "Streaming sessions currently open.",
      List.of(), null),
  BACKPRESSURE_STATE(MetricNames.BACKPRESSURE_STATE, Type.GAUGE,
      "Pressure state by memory space: 0 normal, 1 warning, 2 critical, 3 overloaded.",
      List.of(Labels.MEMORY_SPACE), null),
  QUEUE_MEMORY_BYTES(MetricNames.QUEUE_MEMORY_BYTES, Type.GAUGE,
      "Bytes held by queued observations.",
      List.of(), null),

  OBSERVATION_LATENCY(MetricNames.OBSERVATION_LATENCY_SECONDS, Type.HISTOGRAM,
      "Seconds from an observation's arrival to its acknowledgement, by memory space.",
      List.of(Labels.MEMORY_SPACE), Buckets.SECONDS),
  RECALL_LATENCY(MetricNames.RECALL_LATENCY_SECONDS, Type.HISTOGRAM,
      "Seconds from a recall's arrival to its last result batch.",
      List.of(), Buckets.SECONDS),
  BATCH_SIZE(MetricNames.BATCH_SIZE, Type.HISTOGRAM,
      "Observations per batch a worker processed.",
      List.of(Labels.WORKER_ID), Buckets.ITEMS),
  QUEUE_WAIT_TIME(MetricNames.QUEUE_WAIT_TIME_SECONDS, Type.HISTOGRAM,
      "Seconds an observation waited in the queue before a worker took it, by priority lane.",
      List.of(Labels.PRIORITY), Buckets.SECONDS);

  /** The Prometheus metric types the engine uses. */
  enum Type {
    COUNTER("counter"),
    GAUGE("gauge"),
    HISTOGRAM("histogram");

    final String text;

    Type(String text) {
      this.text = text;
    }
  }

  final String metricName;
  final Type type;
  final String help;
  final List<String> labelNames;
  /** Null unless {@code type} is HISTOGRAM. */
  final Buckets buckets;

  Family(String metricName, Type type, String help, List<String> labelNames, Buckets buckets) {
    this.metricName = metricName;
    this.type = type;
    this.help = help;
    this.labelNames = labelNames;
    this.buckets = buckets;
  }

  static List<String> sortedNames() {
    List<String> names = new ArrayList<>();
    for (Family family : values()) {
      names.add(family.metricName);
    }
    names.sort(null);
    return List.copyOf(names);
  }
}
