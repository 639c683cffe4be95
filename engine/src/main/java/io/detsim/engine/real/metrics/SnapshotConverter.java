package io.detsim.engine.real.metrics;

import io.detsim.engine.metrics.HistogramSnapshot;
import io.detsim.engine.metrics.MetricsSnapshot;
import io.detsim.engine.metrics.Series;
import io.prometheus.metrics.model.snapshots.ClassicHistogramBuckets;
import io.prometheus.metrics.model.snapshots.CounterSnapshot;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot;
import io.prometheus.metrics.model.snapshots.Labels;
import io.prometheus.metrics.model.snapshots.MetricSnapshot;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns the engine's {@link MetricsSnapshot} into the Prometheus client's snapshot model, family by
 * family, so that the client's writers produce every exposition format it negotiates.
 *
 * <p>Histograms become classic histograms with the engine's own buckets: they are exact counts,
 * and {@code histogram_quantile} over them is what the dashboards and alert rules use. The
 * engine's HdrHistogram percentiles, minimum and maximum have no place in that model and are not
 * exported (a summary beside each histogram would need a name that is not in {@code MetricNames}).
 * A histogram whose name ends in {@code _seconds} is recorded in nanoseconds (as
 * {@link HistogramSnapshot} says) and exported in seconds; any other is exported as recorded.
 *
 * <p>Every family appears, with its HELP and TYPE, even with no series yet, as in the engine's
 * own exposition: a scrape always finds every name.
 */
final class SnapshotConverter {
  private static final int NANOS_PER_SECOND_DIGITS = 9;

  private final FamilyCatalog catalog;

  SnapshotConverter(FamilyCatalog catalog) {
    this.catalog = catalog;
  }

  MetricSnapshots convert(MetricsSnapshot snapshot) {
    Map<String, List<Series>> seriesByName = new LinkedHashMap<>();
    for (String name : snapshot.names()) {
      seriesByName.put(name, new ArrayList<>());
    }
    for (Series series : snapshot.series()) {
      seriesByName.get(series.name()).add(series);
    }
    List<MetricSnapshot> families = new ArrayList<>();
    for (Map.Entry<String, List<Series>> family : seriesByName.entrySet()) {
      families.add(convertFamily(snapshot, family.getKey(), family.getValue()));
    }
    return new MetricSnapshots(families);
  }

  private MetricSnapshot convertFamily(MetricsSnapshot snapshot, String name, List<Series> seriesList) {
    FamilyCatalog.Entry entry = catalog.entry(name);
    switch (entry.type()) {
      case COUNTER: {
        CounterSnapshot.Builder counter = CounterSnapshot.builder().name(name).help(entry.help());
        for (Series series : seriesList) {
          counter.dataPoint(CounterSnapshot.CounterDataPointSnapshot.builder()
              .labels(labels(series))
              .value(snapshot.counter(name, values(series)))
              .build());
        }
        return counter.build();
      }
      case GAUGE: {
        GaugeSnapshot.Builder gauge = GaugeSnapshot.builder().name(name).help(entry.help());
        for (Series series : seriesList) {
          gauge.dataPoint(GaugeSnapshot.GaugeDataPointSnapshot.builder()
              .labels(labels(series))
              .value(snapshot.gauge(name, values(series)))
              .build());
        }
        return gauge.build();
      }
      case HISTOGRAM: {
        int exportScale = name.endsWith("_seconds") ? NANOS_PER_SECOND_DIGITS : 0;
        io.prometheus.metrics.model.snapshots.HistogramSnapshot.Builder histogram =
            io.prometheus.metrics.model.snapshots.HistogramSnapshot.builder().name(name).help(entry.help());
        for (Series series : seriesList) {
          histogram.dataPoint(histogramPoint(snapshot.histogram(name, values(series)), labels(series), exportScale));
        }
        return histogram.build();
      }
      default:
        throw new IllegalStateException(name + " has type " + entry.type() + ", which the engine never exports");
    }
  }

  /**
   * The client's classic buckets hold per-bucket counts (it adds them up when it writes), the
   * engine's are cumulative: take differences, and put what lies above the last bound in
   * {@code +Inf}.
   */
  private static io.prometheus.metrics.model.snapshots.HistogramSnapshot.HistogramDataPointSnapshot histogramPoint(
      HistogramSnapshot histogram, Labels labels, int exportScale) {
    List<HistogramSnapshot.Bucket> buckets = histogram.buckets();
    double[] upperBounds = new double[buckets.size() + 1];
    long[] counts = new long[buckets.size() + 1];
    long below = 0;
    for (int i = 0; i < buckets.size(); i++) {
      HistogramSnapshot.Bucket bucket = buckets.get(i);
      upperBounds[i] = exported(BigInteger.valueOf(bucket.upperBound()), exportScale);
      counts[i] = bucket.cumulativeCount() - below;
      below = bucket.cumulativeCount();
    }
    upperBounds[buckets.size()] = Double.POSITIVE_INFINITY;
    counts[buckets.size()] = histogram.count() - below;
    return io.prometheus.metrics.model.snapshots.HistogramSnapshot.HistogramDataPointSnapshot.builder()
        .labels(labels)
        .classicHistogramBuckets(ClassicHistogramBuckets.of(upperBounds, counts))
        .sum(exported(histogram.sum(), exportScale))
        .build();
  }

  /** Through an exact decimal, so that 5 ms is the double nearest 0.005, not 5e6 * 1e-9. */
  private static double exported(BigInteger recorded, int exportScale) {
    return new BigDecimal(recorded).movePointLeft(exportScale).doubleValue();
  }

  private static Labels labels(Series series) {
    return series.labelNames().isEmpty() ? Labels.EMPTY : Labels.of(series.labelNames(), series.labelValues());
  }

  private static String[] values(Series series) {
    return series.labelValues().toArray(new String[0]);
  }
}
