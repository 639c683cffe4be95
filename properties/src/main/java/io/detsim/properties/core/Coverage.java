package io.detsim.properties.core;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * How many of a run's tries carried each label ({@code fault:CRASH}, {@code branch:gap}): evidence
 * that the generators reach the cases a property is meant to test.
 *
 * <p>Counts are exact; percentages are rounded to tenths with integer arithmetic, so a report is
 * the same text on every machine. Labels are listed most frequent first, ties by name.
 */
public final class Coverage {
  private final int tries;
  private final SortedMap<String, Long> counts;

  Coverage(int tries, SortedMap<String, Long> counts) {
    this.tries = tries;
    this.counts = Collections.unmodifiableSortedMap(new TreeMap<>(counts));
  }

  /** Coverage of no tries. */
  public static Coverage none() {
    return new Coverage(0, new TreeMap<>());
  }

  public int tries() {
    return tries;
  }

  /** How many tries carried {@code label}. */
  public long count(String label) {
    return counts.getOrDefault(label, 0L);
  }

  /** The percentage of tries that carried {@code label}, for display and tests. */
  public double percent(String label) {
    return tries == 0 ? 0.0 : 100.0 * count(label) / tries;
  }

  /** Every label seen, most frequent first, ties by name. */
  public List<String> labels() {
    List<String> labels = new ArrayList<>(counts.keySet());
    labels.sort(Comparator.comparing((String label) -> counts.get(label)).reversed()
        .thenComparing(Comparator.naturalOrder()));
    return labels;
  }

  /** An aligned table: label, count, percentage of tries. */
  public String report() {
    List<String> labels = labels();
    if (labels.isEmpty()) {
      return "coverage of " + tries + " tries: no labels";
    }
    int labelWidth = 0;
    int countWidth = 1;
    for (String label : labels) {
      labelWidth = Math.max(labelWidth, label.length());
      countWidth = Math.max(countWidth, Long.toString(count(label)).length());
    }
    StringBuilder report = new StringBuilder("coverage of ").append(tries).append(" tries:");
    for (String label : labels) {
      report.append(String.format(Locale.ROOT, "\n  %-" + labelWidth + "s  %" + countWidth + "d  %6s",
          label, count(label), percentText(count(label))));
    }
    return report.toString();
  }

  @Override
  public String toString() {
    return report();
  }

  private String percentText(long count) {
    long tenths = (count * 1000 + tries / 2) / tries;
    return tenths / 10 + "." + tenths % 10 + "%";
  }
}
