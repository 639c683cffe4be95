package io.detsim.engine.metrics;

import java.util.List;

/** A value that is set, not accumulated: the last setting is the reading. */
final class Gauge implements Instrument {
  private final List<String> labelValues;
  private double value;

  Gauge(List<String> labelValues) {
    this.labelValues = labelValues;
  }

  void set(double newValue) {
    value = newValue;
  }

  @Override
  public List<String> labelValues() {
    return labelValues;
  }

  @Override
  public Sample sample() {
    return new Sample.GaugeValue(value);
  }
}
