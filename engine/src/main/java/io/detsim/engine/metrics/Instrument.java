package io.detsim.engine.metrics;

import java.util.List;

/** One series being recorded: a counter, a gauge or a histogram with its label values. */
sealed interface Instrument permits Counter, Gauge, HistogramSeries {

  /** In the order of its family's label names; made once, when the series is created. */
  List<String> labelValues();

  /** Its current value, as an immutable sample. */
  Sample sample();
}
