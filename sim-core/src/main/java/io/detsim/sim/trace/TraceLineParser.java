package io.detsim.sim.trace;

import io.detsim.sim.trace.TraceEvent;

/**
 * Parses one line of a JSON Lines trace: a flat JSON object with an integer {@code t}, strings
 * {@code node} and {@code kind}, and optional strings {@code peer} and {@code detail}, which may also
 * be {@code null}. Fields may come in any order with any JSON whitespace, so that a trace edited or
 * re-serialised by another tool still reads; any other field, a repeated field or a value of
 * another type is an error, because a reader that guesses would hide a writer's bug.
 *
 * <p>Errors are thrown as {@link Problem} with a message that names the column; the reader adds
 * the file and line.
 */
final class TraceLineParser {
  /** A malformed line; the message says what and where, without the file name. */
  static final class Problem extends Exception {
    private static final long serialVersionUID = 1L;

    Problem(String message) {
      super(message, null, false, false);
    }
  }

  private final String text;
  private int position;

  private TraceLineParser(String text) {
    this.text = text;
  }

  static TraceEvent parse(String line) throws Problem {
    return new TraceLineParser(line).event();
  }

  private TraceEvent event() throws Problem {
    Long timeNanos = null;
    String node = null;
    String kind = null;
    String peer = null;
    String detail = null;
    boolean peerSeen = false;
    boolean detailSeen = false;
    skipWhitespace();
    expect('{');
    skipWhitespace();
    if (peek() == '}') {
      throw problem("empty object: a trace event needs t, node and kind");
    }
    while (true) {
      skipWhitespace();
      int keyColumn = position + 1;
      String key = string();
      skipWhitespace();
      expect(':');
      skipWhitespace();
      switch (key) {
        case "t":
          requireFirst(timeNanos == null, key, keyColumn);
          timeNanos = integer();
          break;
        case "node":
          requireFirst(node == null, key, keyColumn);
          node = string();
          break;
        case "kind":
          requireFirst(kind == null, key, keyColumn);
          kind = string();
          break;
        case "peer":
          requireFirst(!peerSeen, key, keyColumn);
          peerSeen = true;
          peer = stringOrNull();
          break;
        case "detail":
          requireFirst(!detailSeen, key, keyColumn);
          detailSeen = true;
          detail = stringOrNull();
          break;
        default:
          throw new Problem("column " + keyColumn + ": unknown field \"" + key + "\" (expected t, node, kind, peer, detail)");
      }
      skipWhitespace();
      if (peek() == ',') {
        position++;
        continue;
      }
      if (peek() != '}') {
        throw problem("expected ',' or '}'");
      }
      position++;
      break;
    }
    skipWhitespace();
    if (position < text.length()) {
      throw problem("text after the closing brace");
    }
    if (timeNanos == null || node == null || kind == null) {
      throw new Problem("missing field " + (timeNanos == null ? "\"t\"" : node == null ? "\"node\"" : "\"kind\""));
    }
    return new TraceEvent(timeNanos, node, kind, peer, detail);
  }

  private static void requireFirst(boolean first, String key, int column) throws Problem {
    if (!first) {
      throw new Problem("column " + column + ": field \"" + key + "\" given twice");
    }
  }

  private long integer() throws Problem {
    int start = position;
    if (peek() == '-') {
      position++;
    }
    while (position < text.length() && Character.isDigit(text.charAt(position)) && text.charAt(position) < 128) {
      position++;
    }
    String digits = text.substring(start, position);
    if (digits.isEmpty() || digits.equals("-")) {
      position = start;
      throw problem("expected an integer time in nanoseconds");
    }
    if (position < text.length() && ".eE".indexOf(text.charAt(position)) >= 0) {
      throw problem("time must be an integer number of nanoseconds");
    }
    try {
      return Long.parseLong(digits);
    } catch (NumberFormatException e) {
      position = start;
      throw problem("time out of range: " + digits);
    }
  }

  private String stringOrNull() throws Problem {
    if (text.startsWith("null", position)) {
      position += 4;
      return null;
    }
    return string();
  }

  private String string() throws Problem {
    if (peek() != '"') {
      throw problem("expected a string");
    }
    int start = position++;
    StringBuilder value = new StringBuilder();
    while (true) {
      if (position >= text.length()) {
        position = start;
        throw problem("string not closed");
      }
      char c = text.charAt(position++);
      if (c == '"') {
        return value.toString();
      }
      if (c < 0x20) {
        position--;
        throw problem("control character in a string (must be escaped)");
      }
      if (c != '\\') {
        value.append(c);
        continue;
      }
      value.append(escaped());
    }
  }

  /** The character an escape stands for; {@code position} is just past the backslash. */
  private char escaped() throws Problem {
    if (position >= text.length()) {
      throw problem("escape at the end of the line");
    }
    char c = text.charAt(position++);
    switch (c) {
      case '"':
        return '"';
      case '\\':
        return '\\';
      case '/':
        return '/';
      case 'b':
        return '\b';
      case 'f':
        return '\f';
      case 'n':
        return '\n';
      case 'r':
        return '\r';
      case 't':
        return '\t';
      case 'u':
        return unicodeEscape();
      default:
        position--;
        throw problem("unknown escape \\" + c);
    }
  }

  /** Four hex digits; surrogate pairs come as two escapes and are kept as the two UTF-16 units they are. */
  private char unicodeEscape() throws Problem {
    if (position + 4 > text.length()) {
      throw problem("\\u needs four hex digits");
    }
    int value = 0;
    for (int i = 0; i < 4; i++) {
      int digit = Character.digit(text.charAt(position), 16);
      if (digit < 0) {
        throw problem("\\u needs four hex digits");
      }
      value = value * 16 + digit;
      position++;
    }
    return (char) value;
  }

  private void expect(char c) throws Problem {
    if (peek() != c) {
      throw problem("expected '" + c + "'");
    }
    position++;
  }

  /** The next character, or 0 at the end of the line (never valid JSON here, so it fails every expectation). */
  private char peek() {
    return position < text.length() ? text.charAt(position) : 0;
  }

  private void skipWhitespace() {
    while (position < text.length() && " \t\r\n".indexOf(text.charAt(position)) >= 0) {
      position++;
    }
  }

  private Problem problem(String what) {
    String found = position >= text.length() ? "end of line" : "'" + text.charAt(position) + "'";
    return new Problem("column " + (position + 1) + ": " + what + ", found " + found);
  }
}
