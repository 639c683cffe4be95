package io.detsim.properties.scenario;

import io.detsim.sim.port.Ratio;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The lines of a failure file being read, with what every part of the reader needs: {@code name: value}
 * fields, typed values, and errors that point at a line and column of the file. A scenario's
 * {@link InputText} reads its sections through it, so its errors name the file's own lines.
 */
public final class TextLines {
  private static final Pattern FIELD = Pattern.compile("([A-Za-z][A-Za-z0-9 ._-]*?)[ \\t]*:[ \\t]*(.*?)\\s*");
  private static final Pattern HEX = Pattern.compile("0x[0-9a-fA-F]{1,16}");

  /**
   * The latest virtual time a text may schedule anything at, unless raised: one simulated hour.
   * Ten times the longest scenario's run, and small enough that a typo ({@code 100000000s}) is an
   * error at its line rather than a replay that runs for days.
   */
  public static final long DEFAULT_MAX_SIMULATED_NANOS = 3_600_000_000_000L;

  private final String source;
  private final List<String> lines;
  private final long maxSimulatedNanos;

  /** One {@code name: value} line: its index, the name, the value, and the 1-based column the value starts at. */
  public record Field(int index, String name, String value, int valueColumn) {}

  public TextLines(String text, String source) {
    this(text, source, DEFAULT_MAX_SIMULATED_NANOS);
  }

  /** The lines of {@code text}, read with a bound on the virtual times they may schedule things at. */
  public TextLines(String text, String source, long maxSimulatedNanos) {
    this.source = source;
    this.lines = text.lines().toList();
    this.maxSimulatedNanos = maxSimulatedNanos;
  }

  /** The latest virtual time a scenario's text form accepts for anything it schedules. */
  public long maxSimulatedNanos() {
    return maxSimulatedNanos;
  }

  public String source() {
    return source;
  }

  public int size() {
    return lines.size();
  }

  public String line(int index) {
    return lines.get(index);
  }

  /** Blank lines and lines that start with {@code #} carry nothing. */
  public boolean isBlankOrComment(int index) {
    String stripped = lines.get(index).strip();
    return stripped.isEmpty() || stripped.startsWith("#");
  }

  /** True when the line at {@code index} is the section header {@code [name]}. */
  public boolean isSection(int index, String name) {
    return lines.get(index).strip().equals("[" + name + "]");
  }

  /** The lines from {@code from} to the end, joined, each ending in a newline. */
  public String rest(int from) {
    StringBuilder text = new StringBuilder();
    for (int i = from; i < lines.size(); i++) {
      text.append(lines.get(i)).append('\n');
    }
    return text.toString();
  }

  public Field field(int index) {
    Matcher matcher = FIELD.matcher(lines.get(index));
    if (!matcher.matches()) {
      String stripped = lines.get(index).strip();
      if (stripped.startsWith("[") && stripped.endsWith("]")) {
        throw error(index, 1, "unexpected section " + stripped + " here");
      }
      throw error(index, firstNonBlankColumn(index), "expected 'name: value', found '" + stripped + "'");
    }
    return new Field(index, matcher.group(1), matcher.group(2), matcher.start(2) + 1);
  }

  /** An error at a line (0-based {@code index}) and column (1-based; 0 for the whole line). */
  public BadTextException error(int index, int column, String problem) {
    return new BadTextException(source, index + 1, column, problem);
  }

  /** An error about the field's value, pointing at where the value starts. */
  public BadTextException error(Field field, String problem) {
    return error(field.index(), field.valueColumn(), problem);
  }

  /** An error that belongs to no line, such as a missing field: at the last line, where more was expected. */
  public BadTextException errorAtEnd(String problem) {
    return new BadTextException(source, Math.max(1, lines.size()), 0, problem);
  }

  public long hex(Field field) {
    if (!HEX.matcher(field.value()).matches()) {
      throw error(field,
          "expected 0x and 1 to 16 hex digits for '" + field.name() + "', found '" + field.value() + "'");
    }
    return Long.parseUnsignedLong(field.value().substring(2), 16);
  }

  public Ratio ratio(Field field) {
    String value = field.value();
    if (!value.matches("[0-9]+/[0-9]+")) {
      throw error(field, "expected a ratio like 1/100 for '" + field.name() + "', found '" + value + "'");
    }
    try {
      return Ratio.parse(value);
    } catch (IllegalArgumentException invalid) {
      throw error(field, "'" + value + "' is not a probability: " + invalid.getMessage());
    }
  }

  public int count(Field field, String text, int offsetInValue, int min) {
    int column = field.valueColumn() + offsetInValue;
    try {
      int parsed = Integer.parseInt(text);
      if (parsed >= min) {
        return parsed;
      }
    } catch (NumberFormatException notAnInt) {
      // reported below with the same words as a value out of range
    }
    throw error(field.index(), column, "expected a whole number of at least " + min + ", found '" + text + "'");
  }

  private int firstNonBlankColumn(int index) {
    String line = lines.get(index);
    int column = 0;
    while (column < line.length() && Character.isWhitespace(line.charAt(column))) {
      column++;
    }
    return column + 1;
  }
}
