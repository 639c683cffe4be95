package io.detsim.engine.real.metrics;

import io.detsim.engine.metrics.EngineMetrics;
import io.detsim.engine.metrics.MetricNames;
import io.prometheus.metrics.model.registry.MetricType;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The type and help text of every engine metric family, read once from the engine's own text
 * exposition of an empty {@link EngineMetrics} (whose every family has its HELP and TYPE lines).
 *
 * <p>Why read them from text: the engine's metrics package keeps each family's type and help
 * package-private, and its public snapshot exposes values only. The exposition is the one public
 * place they appear, written by the engine itself, so reading it keeps this endpoint from holding a
 * second copy that could drift.
 */
final class FamilyCatalog {
  /** One family: its Prometheus type and its help text, unescaped. */
  record Entry(MetricType type, String help) {}

  private final Map<String, Entry> entries;

  private FamilyCatalog(Map<String, Entry> entries) {
    this.entries = Map.copyOf(entries);
  }

  /** The catalog of the engine's families; the clock is never read for an empty exposition. */
  static FamilyCatalog ofEngine() {
    FamilyCatalog catalog = parse(new EngineMetrics(() -> 0L).toPrometheusText());
    for (String name : MetricNames.all()) {
      catalog.entry(name); // every name must be there, or the endpoint would silently skip one
    }
    return catalog;
  }

  /** Reads the HELP and TYPE lines of a text exposition (format 0.0.4); sample lines are skipped. */
  static FamilyCatalog parse(String exposition) {
    Map<String, String> helps = new LinkedHashMap<>();
    Map<String, MetricType> types = new LinkedHashMap<>();
    for (String line : exposition.split("\n", -1)) {
      if (line.startsWith("# HELP ")) {
        String rest = line.substring("# HELP ".length());
        int space = rest.indexOf(' ');
        helps.put(space < 0 ? rest : rest.substring(0, space), space < 0 ? "" : unescape(rest.substring(space + 1)));
      } else if (line.startsWith("# TYPE ")) {
        List<String> parts = List.of(line.substring("# TYPE ".length()).split(" "));
        if (parts.size() != 2) {
          throw new IllegalArgumentException("malformed TYPE line: " + line);
        }
        types.put(parts.get(0), typeOf(parts.get(1)));
      }
    }
    Map<String, Entry> entries = new LinkedHashMap<>();
    for (Map.Entry<String, MetricType> type : types.entrySet()) {
      entries.put(type.getKey(), new Entry(type.getValue(), helps.getOrDefault(type.getKey(), "")));
    }
    return new FamilyCatalog(entries);
  }

  Entry entry(String name) {
    Entry entry = entries.get(name);
    if (entry == null) {
      throw new IllegalArgumentException("no TYPE line for metric family " + name);
    }
    return entry;
  }

  private static MetricType typeOf(String text) {
    switch (text) {
      case "counter":
        return MetricType.COUNTER;
      case "gauge":
        return MetricType.GAUGE;
      case "histogram":
        return MetricType.HISTOGRAM;
      default:
        throw new IllegalArgumentException("the engine exports no metric of type " + text);
    }
  }

  /** HELP text escapes only backslash and newline (format 0.0.4). */
  private static String unescape(String text) {
    StringBuilder plain = new StringBuilder(text.length());
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '\\' && i + 1 < text.length()) {
        char next = text.charAt(++i);
        plain.append(next == 'n' ? '\n' : next);
      } else {
        plain.append(c);
      }
    }
    return plain.toString();
  }
}
