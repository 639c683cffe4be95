package io.detsim.engine.metrics;

import java.util.List;

/** A count that only goes up (it starts again from zero only with a new {@link EngineMetrics}). */
final class Counter implements Instrument {
  private final List<String> labelValues;
  private long value;

  Counter(List<String> labelValues) {
    this.labelValues = labelValues;
  }

  void increment() {
    value++;
  }

  @Override
  public List<String> labelValues() {
    return labelValues;
  }

  @Override
  public Sample sample() {
    return new Sample.CounterValue(value);
  }
}
