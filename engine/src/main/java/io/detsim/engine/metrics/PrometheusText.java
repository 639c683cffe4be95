package io.detsim.engine.metrics;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * Writes a {@link MetricsSnapshot} in the Prometheus text exposition format, version 0.0.4 [1].
 *
 * <p>Every family gets its HELP and TYPE lines even with no series yet, so a scrape finds every
 * name. Numbers are written so that the same snapshot always gives the same bytes: counters,
 * bucket counts and integral gauges as integers, sums and bucket bounds as exact decimals (no
 * binary floating point on the way from nanoseconds to seconds), other gauges with
 * {@link Double#toString}, which Prometheus's parser reads. No timestamps: the scraper adds its own.
 *
 * <p>[1] https://prometheus.io/docs/instrumenting/exposition_formats/#text-based-format
 */
final class PrometheusText {
  private PrometheusText() {}

  /** Integral gauges below this are written as integers; doubles hold them exactly. */
  private static final double INTEGRAL_MAX = 1e15;

  static String render(MetricsSnapshot snapshot) {
    StringBuilder text = new StringBuilder(4096);
    for (MetricsSnapshot.FamilySamples samples : snapshot.families().values()) {
      Family family = samples.family();
      text.append("# HELP ").append(family.metricName).append(' ');
      appendEscaped(text, family.help, /* quotes= */ false);
      text.append('\n');
      text.append("# TYPE ").append(family.metricName).append(' ').append(family.type.text).append('\n');
      for (Map.Entry<List<String>, Sample> series : samples.samples().entrySet()) {
        appendSeries(text, family, series.getKey(), series.getValue());
      }
    }
    return text.toString();
  }

  /**
   * Appends {@code {name="value",...}}, with one more label after them when {@code extraName} is
   * not null (a bucket's {@code le}); nothing at all when there are no labels.
   */
  static void appendLabels(StringBuilder text, List<String> names, List<String> values, String extraName,
      String extraValue) {
    if (names.isEmpty() && extraName == null) {
      return;
    }
    text.append('{');
    for (int i = 0; i < names.size(); i++) {
      if (i > 0) {
        text.append(',');
      }
      appendLabel(text, names.get(i), values.get(i));
    }
    if (extraName != null) {
      if (!names.isEmpty()) {
        text.append(',');
      }
      appendLabel(text, extraName, extraValue);
    }
    text.append('}');
  }

  /** A gauge's value: an integer when it is one, else Java's shortest round-tripping decimal. */
  static String formatGauge(double value) {
    if (Double.isNaN(value)) {
      return "NaN";
    }
    if (Double.isInfinite(value)) {
      return value > 0 ? "+Inf" : "-Inf";
    }
    if (value > -INTEGRAL_MAX && value < INTEGRAL_MAX && value == (double) (long) value) {
      return Long.toString((long) value);
    }
    return Double.toString(value);
  }

  private static void appendSeries(StringBuilder text, Family family, List<String> labelValues, Sample sample) {
    if (sample instanceof Sample.CounterValue counter) {
      appendSample(text, family.metricName, "", family.labelNames, labelValues, Long.toString(counter.value()));
    } else if (sample instanceof Sample.GaugeValue gauge) {
      appendSample(text, family.metricName, "", family.labelNames, labelValues, formatGauge(gauge.value()));
    } else {
      appendHistogram(text, family, labelValues, (HistogramSnapshot) sample);
    }
  }

  private static void appendHistogram(StringBuilder text, Family family, List<String> labelValues,
      HistogramSnapshot histogram) {
    String name = family.metricName;
    List<String> labelNames = family.labelNames;
    Buckets buckets = family.buckets;
    for (int i = 0; i < buckets.count(); i++) {
      text.append(name).append("_bucket");
      appendLabels(text, labelNames, labelValues, "le", buckets.upperBoundText(i));
      text.append(' ').append(histogram.buckets().get(i).cumulativeCount()).append('\n');
    }
    text.append(name).append("_bucket");
    appendLabels(text, labelNames, labelValues, "le", "+Inf");
    text.append(' ').append(histogram.count()).append('\n');
    appendSample(text, name, "_sum", labelNames, labelValues, buckets.exported(new BigDecimal(histogram.sum())));
    appendSample(text, name, "_count", labelNames, labelValues, Long.toString(histogram.count()));
  }

  private static void appendSample(StringBuilder text, String name, String suffix, List<String> labelNames,
      List<String> labelValues, String value) {
    text.append(name).append(suffix);
    appendLabels(text, labelNames, labelValues, null, null);
    text.append(' ').append(value).append('\n');
  }

  private static void appendLabel(StringBuilder text, String name, String value) {
    text.append(name).append("=\"");
    appendEscaped(text, value, /* quotes= */ true);
    text.append('"');
  }

  /** Backslash and newline always; the double quote inside label values only, as 0.0.4 asks. */
  private static void appendEscaped(StringBuilder text, String value, boolean quotes) {
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c == '\\') {
        text.append("\\\\");
      } else if (c == '\n') {
        text.append("\\n");
      } else if (c == '"' && quotes) {
        text.append("\\\"");
      } else {
        text.append(c);
      }
    }
  }
}
