package io.detsim.engine.metrics;

import io.detsim.sim.port.Check;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.TreeMap;

/**
 * Every series created so far, by family, in creation order. {@link EngineMetrics} finds the
 * series it records into through its own typed caches; the registry is only for reading them all,
 * which sorts them, so the order of creation never shows.
 */
final class Registry {
  private final EnumMap<Family, List<Instrument>> byFamily = new EnumMap<>(Family.class);

  Registry() {
    for (Family family : Family.values()) {
      byFamily.put(family, new ArrayList<>());
    }
  }

  Counter counter(Family family, String... labelValues) {
    return register(family, Family.Type.COUNTER, new Counter(labels(family, labelValues)));
  }

  Gauge gauge(Family family, String... labelValues) {
    return register(family, Family.Type.GAUGE, new Gauge(labels(family, labelValues)));
  }

  HistogramSeries histogram(Family family, String... labelValues) {
    return register(family, Family.Type.HISTOGRAM, new HistogramSeries(labels(family, labelValues), family.buckets));
  }

  MetricsSnapshot snapshot(long takenAtNanos) {
    TreeMap<String, MetricsSnapshot.FamilySamples> families = new TreeMap<>();
    for (Family family : Family.values()) {
      TreeMap<List<String>, Sample> samples = new TreeMap<>(Labels.VALUES_ORDER);
      for (Instrument instrument : byFamily.get(family)) {
        Sample previous = samples.put(instrument.labelValues(), instrument.sample());
        Check.that(previous == null, "%s has two series labelled %s", family.metricName, instrument.labelValues());
      }
      families.put(family.metricName, new MetricsSnapshot.FamilySamples(family, samples));
    }
    return new MetricsSnapshot(takenAtNanos, families);
  }

  private <T extends Instrument> T register(Family family, Family.Type type, T instrument) {
    Check.that(family.type == type, "%s is a %s, not a %s", family.metricName, family.type, type);
    byFamily.get(family).add(instrument);
    return instrument;
  }

  private static List<String> labels(Family family, String... labelValues) {
    Check.that(labelValues.length == family.labelNames.size(), "%s has labels %s, given %d values",
        family.metricName, family.labelNames, labelValues.length);
    return List.of(labelValues);
  }
}
