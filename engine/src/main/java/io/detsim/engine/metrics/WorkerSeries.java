package io.detsim.engine.metrics;

import java.util.TreeMap;

/** The series of one worker, created on first use; its id is made into a label once. */
final class WorkerSeries {
  private final Registry registry;
  private final String workerId;
  private final TreeMap<String, Counter> failuresByErrorType = new TreeMap<>();
  private Counter batchesProcessed;
  private Counter workStolen;
  private Gauge utilization;
  private HistogramSeries batchSize;

  WorkerSeries(Registry registry, int workerId) {
    if (workerId < 0) {
      throw new IllegalArgumentException("a worker id is at least 0, was " + workerId);
    }
    this.registry = registry;
    this.workerId = Integer.toString(workerId);
  }

  Counter batchesProcessed() {
    if (batchesProcessed == null) {
      batchesProcessed = registry.counter(Family.BATCHES_PROCESSED, workerId);
    }
    return batchesProcessed;
  }

  Counter failures(String errorType) {
    Counter counter = failuresByErrorType.get(errorType);
    if (counter == null) {
      counter = registry.counter(Family.BATCH_FAILURES, workerId, errorType);
      failuresByErrorType.put(errorType, counter);
    }
    return counter;
  }

  Counter workStolen() {
    if (workStolen == null) {
      workStolen = registry.counter(Family.WORK_STOLEN, workerId);
    }
    return workStolen;
  }

  Gauge utilization() {
    if (utilization == null) {
      utilization = registry.gauge(Family.WORKER_UTILIZATION, workerId);
    }
    return utilization;
  }

  HistogramSeries batchSize() {
    if (batchSize == null) {
      batchSize = registry.histogram(Family.BATCH_SIZE, workerId);
    }
    return batchSize;
  }
}
