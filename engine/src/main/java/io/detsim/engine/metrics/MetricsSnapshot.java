package io.detsim.engine.metrics;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.SortedMap;

/**
 * An immutable reading of every metric at one moment of the runtime's clock: for tests, for the
 * command line's reports and for the Prometheus exposition.
 *
 * <p>Series are named as in the exposition: the family name of {@link MetricNames} and the label
 * values in the order of the family's label names ({@link #labelNames}), enums in lower case
 * ({@code "high"}, {@code "over_capacity"}), worker ids in decimal, an unknown memory space as the
 * empty string. A name that is not a family, a counter read as a gauge, or the wrong number of
 * label values throws {@link IllegalArgumentException}: it is a typo in the caller, not a zero.
 */
public final class MetricsSnapshot {
  /** The HTTP content type of {@link #toPrometheusText()}. */
  public static final String PROMETHEUS_CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";

  /** One family's samples, by label values in series order. */
  record FamilySamples(Family family, SortedMap<List<String>, Sample> samples) {
    FamilySamples {
      samples = Collections.unmodifiableSortedMap(samples);
    }
  }

  private final long takenAtNanos;
  private final SortedMap<String, FamilySamples> families;

  MetricsSnapshot(long takenAtNanos, SortedMap<String, FamilySamples> families) {
    this.takenAtNanos = takenAtNanos;
    this.families = Collections.unmodifiableSortedMap(families);
  }

  /** The runtime clock's reading when the snapshot was taken. */
  public long takenAtNanos() {
    return takenAtNanos;
  }

  /** Every family name, sorted; every family of docs/engine.md is here, recorded into or not. */
  public List<String> names() {
    return List.copyOf(families.keySet());
  }

  /** The label names of a family, in the order its label values are given. */
  public List<String> labelNames(String name) {
    return family(name).family().labelNames;
  }

  /** Every series, sorted by name and then label values; a histogram is one series. */
  public List<Series> series() {
    List<Series> all = new ArrayList<>();
    for (FamilySamples family : families.values()) {
      for (List<String> labelValues : family.samples().keySet()) {
        all.add(new Series(family.family().metricName, family.family().labelNames, labelValues));
      }
    }
    return List.copyOf(all);
  }

  /** True when the series has been recorded into (unlabeled series always exist). */
  public boolean contains(String name, String... labelValues) {
    FamilySamples family = family(name);
    return family.samples().containsKey(labels(family, labelValues));
  }

  /** A counter's value; 0 for a series never incremented. */
  public long counter(String name, String... labelValues) {
    Sample sample = sample(name, Family.Type.COUNTER, labelValues);
    return sample == null ? 0 : ((Sample.CounterValue) sample).value();
  }

  /**
   * A gauge's value as exported; the worker utilization is in percent (0 to 100) and the
   * backpressure state is its level (0 to 3).
   *
   * @throws NoSuchElementException when the gauge was never set: it has no value, not even 0
   */
  public double gauge(String name, String... labelValues) {
    Sample sample = sample(name, Family.Type.GAUGE, labelValues);
    if (sample == null) {
      throw new NoSuchElementException(name + " " + List.of(labelValues) + " was never set");
    }
    return ((Sample.GaugeValue) sample).value();
  }

  /** A histogram's reading; an empty one (count 0) for a series never recorded into. */
  public HistogramSnapshot histogram(String name, String... labelValues) {
    FamilySamples family = family(name);
    Sample sample = sample(name, Family.Type.HISTOGRAM, labelValues);
    return sample == null ? empty(family.family().buckets) : (HistogramSnapshot) sample;
  }

  /**
   * The Prometheus text exposition format 0.0.4: families sorted by name, each with its HELP and
   * TYPE lines, series sorted by label values, no timestamps. The same recordings in the same
   * order give the same bytes.
   */
  public String toPrometheusText() {
    return PrometheusText.render(this);
  }

  @Override
  public String toString() {
    return "MetricsSnapshot at " + takenAtNanos + " ns, " + series().size() + " series";
  }

  SortedMap<String, FamilySamples> families() {
    return families;
  }

  private Sample sample(String name, Family.Type type, String... labelValues) {
    FamilySamples family = family(name);
    if (family.family().type != type) {
      throw new IllegalArgumentException(name + " is a " + family.family().type.text + ", not a " + type.text);
    }
    return family.samples().get(labels(family, labelValues));
  }

  private FamilySamples family(String name) {
    FamilySamples family = families.get(name);
    if (family == null) {
      throw new IllegalArgumentException("no metric family " + name + "; there are " + families.keySet());
    }
    return family;
  }

  private static List<String> labels(FamilySamples family, String... labelValues) {
    List<String> labelNames = family.family().labelNames;
    if (labelValues.length != labelNames.size()) {
      throw new IllegalArgumentException(family.family().metricName + " has labels " + labelNames + ", given "
          + List.of(labelValues));
    }
    return List.of(labelValues);
  }

  private static HistogramSnapshot empty(Buckets buckets) {
    List<HistogramSnapshot.Bucket> none = new ArrayList<>();
    for (int i = 0; i < buckets.count(); i++) {
      none.add(new HistogramSnapshot.Bucket(buckets.upperBound(i), 0));
    }
    return new HistogramSnapshot(0, java.math.BigInteger.ZERO, 0, 0, 0, 0, 0, 0, none);
  }
}
