package io.detsim.engine.metrics;

/** An immutable reading of one series, held by a {@link MetricsSnapshot}. */
sealed interface Sample permits Sample.CounterValue, Sample.GaugeValue, HistogramSnapshot {

  record CounterValue(long value) implements Sample {}

  record GaugeValue(double value) implements Sample {}
}
