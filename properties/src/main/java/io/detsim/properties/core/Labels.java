package io.detsim.properties.core;

import java.util.Collection;
import java.util.TreeMap;
import java.util.TreeSet;

/** Counts, over the tries of one run, how many tries carried each label. */
final class Labels {
  private final TreeMap<String, Long> counts = new TreeMap<>();
  private int tries;

  /** One try's labels; a label listed twice in one try counts once. */
  void record(Collection<String> labels) {
    tries++;
    for (String label : new TreeSet<>(labels)) {
      counts.merge(label, 1L, Long::sum);
    }
  }

  Coverage coverage() {
    return new Coverage(tries, counts);
  }
}
