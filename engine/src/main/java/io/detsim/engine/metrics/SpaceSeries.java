package io.detsim.engine.metrics;

import io.detsim.engine.protocol.Priority;
import io.detsim.engine.protocol.RejectReason;
import io.detsim.engine.queue.PressureState;

/**
 * The series of one memory space, created on first use and then found by enum ordinal, so that
 * recording into them makes no string and no label list.
 */
final class SpaceSeries {
  private final Registry registry;
  private final String space;
  private final Counter[] observations = new Counter[Priority.values().length];
  private final Counter[] rejections = new Counter[RejectReason.values().length];
  private final Counter[] activations = new Counter[PressureState.values().length];
  private Gauge backpressureState;
  private HistogramSeries observationLatency;

  SpaceSeries(Registry registry, String space) {
    this.registry = registry;
    this.space = space;
  }

  Counter observations(Priority priority) {
    Counter counter = observations[priority.ordinal()];
    if (counter == null) {
      counter = registry.counter(Family.OBSERVATIONS, space, Labels.of(priority));
      observations[priority.ordinal()] = counter;
    }
    return counter;
  }

  Counter rejections(RejectReason reason) {
    Counter counter = rejections[reason.ordinal()];
    if (counter == null) {
      counter = registry.counter(Family.OBSERVATIONS_REJECTED, space, Labels.of(reason));
      rejections[reason.ordinal()] = counter;
    }
    return counter;
  }

  Counter activations(PressureState level) {
    Counter counter = activations[level.ordinal()];
    if (counter == null) {
      counter = registry.counter(Family.BACKPRESSURE_ACTIVATIONS, space, Labels.of(level));
      activations[level.ordinal()] = counter;
    }
    return counter;
  }

  Gauge backpressureState() {
    if (backpressureState == null) {
      backpressureState = registry.gauge(Family.BACKPRESSURE_STATE, space);
    }
    return backpressureState;
  }

  HistogramSeries observationLatency() {
    if (observationLatency == null) {
      observationLatency = registry.histogram(Family.OBSERVATION_LATENCY, space);
    }
    return observationLatency;
  }
}
