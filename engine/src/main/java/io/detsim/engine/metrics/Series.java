package io.detsim.engine.metrics;

import java.util.Comparator;
import java.util.List;

/**
 * One series of a {@link MetricsSnapshot}: a family name and its label values. Series sort by
 * name, then by label values (values of digits only, such as worker ids, as numbers).
 *
 * @param labelNames the family's label names, in the order of {@code labelValues}
 */
public record Series(String name, List<String> labelNames, List<String> labelValues) implements Comparable<Series> {

  private static final Comparator<Series> ORDER =
      Comparator.comparing(Series::name).thenComparing(Series::labelValues, Labels.VALUES_ORDER);

  public Series {
    labelNames = List.copyOf(labelNames);
    labelValues = List.copyOf(labelValues);
    if (labelNames.size() != labelValues.size()) {
      throw new IllegalArgumentException("labels " + labelNames + " with values " + labelValues);
    }
  }

  @Override
  public int compareTo(Series other) {
    return ORDER.compare(this, other);
  }

  /** As in the exposition: {@code name{label="value",...}}, or only the name when unlabeled. */
  @Override
  public String toString() {
    StringBuilder text = new StringBuilder(name);
    PrometheusText.appendLabels(text, labelNames, labelValues, null, null);
    return text.toString();
  }
}
