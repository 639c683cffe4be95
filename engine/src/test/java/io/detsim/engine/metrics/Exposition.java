package io.detsim.engine.metrics;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A small parser of the Prometheus text format 0.0.4, written from its specification and not
 * from our writer, so that the tests check the writer against the format: every line must be a
 * HELP, a TYPE or a sample line, or parsing fails.
 */
final class Exposition {
  private static final Pattern HELP = Pattern.compile("^# HELP ([a-zA-Z_:][a-zA-Z0-9_:]*) (.*)$");
  private static final Pattern TYPE =
      Pattern.compile("^# TYPE ([a-zA-Z_:][a-zA-Z0-9_:]*) (counter|gauge|histogram|summary|untyped)$");
  private static final Pattern SAMPLE =
      Pattern.compile("^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\\{(.*)\\})? ([^ ]+)$");
  private static final Pattern LABEL =
      Pattern.compile("\\G([a-zA-Z_][a-zA-Z0-9_]*)=\"((?:[^\"\\\\\\n]|\\\\[\\\\\"n])*)\"(,|$)");
  private static final Pattern NUMBER =
      Pattern.compile("^(?:[+-]?Inf|NaN|[+-]?(?:\\d+\\.?\\d*|\\.\\d+)(?:[eE][+-]?\\d+)?)$");

  sealed interface Line permits Help, Type, Sample {}

  record Help(String name, String text) implements Line {}

  record Type(String name, String type) implements Line {}

  /** Label values unescaped; the value as written. */
  record Sample(String name, Map<String, String> labels, String value) implements Line {}

  private Exposition() {}

  static List<Line> parse(String text) {
    if (!text.endsWith("\n")) {
      throw new IllegalArgumentException("the exposition must end with a line feed");
    }
    List<Line> lines = new ArrayList<>();
    for (String line : text.substring(0, text.length() - 1).split("\n", -1)) {
      lines.add(parseLine(line));
    }
    return lines;
  }

  static List<Sample> samples(String text) {
    List<Sample> samples = new ArrayList<>();
    for (Line line : parse(text)) {
      if (line instanceof Sample sample) {
        samples.add(sample);
      }
    }
    return samples;
  }

  private static Line parseLine(String line) {
    Matcher help = HELP.matcher(line);
    if (help.matches()) {
      return new Help(help.group(1), help.group(2));
    }
    Matcher type = TYPE.matcher(line);
    if (type.matches()) {
      return new Type(type.group(1), type.group(2));
    }
    Matcher sample = SAMPLE.matcher(line);
    if (!sample.matches()) {
      throw new IllegalArgumentException("not a HELP, TYPE or sample line: " + line);
    }
    if (!NUMBER.matcher(sample.group(3)).matches()) {
      throw new IllegalArgumentException("not a number: " + sample.group(3) + " in " + line);
    }
    return new Sample(sample.group(1), labels(sample.group(2), line), sample.group(3));
  }

  private static Map<String, String> labels(String inside, String line) {
    Map<String, String> labels = new LinkedHashMap<>();
    if (inside == null) {
      return labels;
    }
    Matcher label = LABEL.matcher(inside);
    int end = 0;
    while (end < inside.length() && label.find() && label.start() == end) {
      if (labels.put(label.group(1), unescape(label.group(2))) != null) {
        throw new IllegalArgumentException("label " + label.group(1) + " twice in " + line);
      }
      end = label.end();
    }
    if (end != inside.length()) {
      throw new IllegalArgumentException("bad labels at " + end + " in " + line);
    }
    return labels;
  }

  private static String unescape(String escaped) {
    StringBuilder value = new StringBuilder();
    for (int i = 0; i < escaped.length(); i++) {
      char c = escaped.charAt(i);
      if (c == '\\') {
        char next = escaped.charAt(++i);
        value.append(next == 'n' ? '\n' : next);
      } else {
        value.append(c);
      }
    }
    return value.toString();
  }
}
