package io.detsim.properties.core;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * The choices one generation drew, in order, with the spans that marked structure in them: the
 * whole input of a test case as one immutable value.
 *
 * <p><b>Text form.</b> {@code v1 3 17 0 0 42}: a version tag, then each value in decimal, separated
 * by single spaces. Spans are not written: they are structure that replaying the sequence through
 * its generator derives again. For the same reason {@link #equals} and {@link #hashCode} compare
 * the values only, so a parsed sequence equals the recorded one it was printed from.
 *
 * <p><b>Order.</b> Shortlex: a shorter sequence is simpler; at equal length the first differing
 * value decides, and a value is simpler the closer it is to 0, a positive one before the negative
 * one of the same magnitude (0, 1, -1, 2, -2, ...). For the non-negative choices that generators
 * draw this is plain numeric order. Shrinking only ever moves to simpler sequences, and the order
 * is well-founded on sequences no longer than a given one, so shrinking terminates.
 */
public final class ChoiceSequence implements Comparable<ChoiceSequence> {
  /** The version tag that opens the text form. */
  public static final String VERSION = "v1";

  public static final ChoiceSequence EMPTY = new ChoiceSequence(new long[0], List.of());

  private final long[] values;
  private final List<Span> spans;

  /**
   * A span of choices {@code [start, end)} that one generator drew as one structure.
   *
   * <p>Spans of a sequence nest properly and are listed in order of their start, an enclosing span
   * before the spans it contains.
   */
  public record Span(int start, int end, String label) {
    public Span {
      Objects.requireNonNull(label, "label");
      if (start < 0 || end < start) {
        throw new IllegalArgumentException("a span needs 0 <= start <= end: [" + start + ", " + end + ")");
      }
    }

    public int size() {
      return end - start;
    }

    /** True when {@code other} lies within this span (a span contains itself). */
    public boolean contains(Span other) {
      return start <= other.start && other.end <= end;
    }
  }

  /** Takes ownership of {@code values}: callers pass an array nobody else writes. */
  ChoiceSequence(long[] values, List<Span> spans) {
    this.values = values;
    this.spans = List.copyOf(spans);
    for (Span span : this.spans) {
      if (span.end() > values.length) {
        throw new IllegalArgumentException("span " + span + " ends after the last of " + values.length + " choices");
      }
    }
  }

  /** A sequence of the given values, without spans. */
  public static ChoiceSequence of(long... values) {
    return new ChoiceSequence(values.clone(), List.of());
  }

  /**
   * Parses the text form. Values may be separated by any whitespace, so a long sequence can be
   * wrapped in a failure file.
   *
   * @throws IllegalArgumentException naming the token and character position of a malformed value
   */
  public static ChoiceSequence parse(String text) {
    Objects.requireNonNull(text, "text");
    List<Long> parsed = new ArrayList<>();
    int position = skipWhitespace(text, 0);
    int versionEnd = tokenEnd(text, position);
    String version = text.substring(position, versionEnd);
    if (!version.equals(VERSION)) {
      throw new IllegalArgumentException(String.format(java.util.Locale.ROOT,
          "not a choice sequence: expected '%s' at character %d but found '%s'", VERSION, position, version));
    }
    position = skipWhitespace(text, versionEnd);
    while (position < text.length()) {
      int end = tokenEnd(text, position);
      parsed.add(parseValue(text.substring(position, end), parsed.size(), position));
      position = skipWhitespace(text, end);
    }
    long[] values = new long[parsed.size()];
    for (int i = 0; i < values.length; i++) {
      values[i] = parsed.get(i);
    }
    return new ChoiceSequence(values, List.of());
  }

  public int size() {
    return values.length;
  }

  public boolean isEmpty() {
    return values.length == 0;
  }

  public long value(int index) {
    return values[index];
  }

  /** A copy of the values. */
  public long[] values() {
    return values.clone();
  }

  /** The values without a copy, for the shrinker's hot loop: never to be written. */
  long[] valuesView() {
    return values;
  }

  /** The spans, in order of their start, enclosing spans first. */
  public List<Span> spans() {
    return spans;
  }

  /** The canonical text form, such as {@code v1 3 17 0 0 42}. */
  public String toText() {
    StringBuilder text = new StringBuilder(VERSION.length() + 4 * values.length).append(VERSION);
    for (long value : values) {
      text.append(' ').append(value);
    }
    return text.toString();
  }

  /** True when this sequence comes strictly before {@code other} in shortlex order. */
  public boolean isSimplerThan(ChoiceSequence other) {
    return compareTo(other) < 0;
  }

  @Override
  public int compareTo(ChoiceSequence other) {
    return compareShortlex(values, other.values);
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof ChoiceSequence && Arrays.equals(values, ((ChoiceSequence) other).values);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(values);
  }

  @Override
  public String toString() {
    return toText();
  }

  static int compareShortlex(long[] a, long[] b) {
    if (a.length != b.length) {
      return Integer.compare(a.length, b.length);
    }
    return compareLexicographically(a, 0, b, 0, a.length);
  }

  static int compareLexicographically(long[] a, int aFrom, long[] b, int bFrom, int length) {
    for (int i = 0; i < length; i++) {
      int order = compareValues(a[aFrom + i], b[bFrom + i]);
      if (order != 0) {
        return order;
      }
    }
    return 0;
  }

  /** Orders values 0, 1, -1, 2, -2, ...: ZigZag encoding (as in Protocol Buffers) of the negation. */
  static int compareValues(long a, long b) {
    return Long.compareUnsigned(simplicityRank(a), simplicityRank(b));
  }

  private static long simplicityRank(long value) {
    long negated = -value;
    return (negated << 1) ^ (negated >> 63);
  }

  private static long parseValue(String token, int index, int position) {
    boolean wellFormed = !token.isEmpty();
    int firstDigit = token.startsWith("-") ? 1 : 0;
    wellFormed &= token.length() > firstDigit;
    for (int i = firstDigit; i < token.length() && wellFormed; i++) {
      wellFormed = token.charAt(i) >= '0' && token.charAt(i) <= '9';
    }
    try {
      if (wellFormed) {
        return Long.parseLong(token);
      }
    } catch (NumberFormatException outOfRange) {
      throw malformed(token, index, position, "is outside the range of a long");
    }
    throw malformed(token, index, position, "is not a decimal integer");
  }

  private static IllegalArgumentException malformed(String token, int index, int position, String problem) {
    return new IllegalArgumentException(String.format(java.util.Locale.ROOT,
        "malformed choice sequence: choice %d at character %d, '%s', %s", index, position, token, problem));
  }

  private static int skipWhitespace(String text, int from) {
    int position = from;
    while (position < text.length() && Character.isWhitespace(text.charAt(position))) {
      position++;
    }
    return position;
  }

  private static int tokenEnd(String text, int from) {
    int position = from;
    while (position < text.length() && !Character.isWhitespace(text.charAt(position))) {
      position++;
    }
    return position;
  }
}
