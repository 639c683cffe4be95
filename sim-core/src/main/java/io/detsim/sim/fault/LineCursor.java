package io.detsim.sim.fault;

import java.util.ArrayList;
import java.util.List;

/**
 * The tokens of one schedule line, read front to back, each with its 1-based column so that an error
 * can point at it.
 *
 * <p>A token is a symbol ({@code ,} {@code |} {@code ->}) or a word: a run of other characters up to
 * whitespace or a symbol. Symbols need no spaces around them ({@code a,b|c} reads as {@code a , b | c})
 * because node names cannot contain them; {@code ->} is the one that could be mistaken, as names may
 * contain {@code -} but never {@code >}, so {@code a->b} still splits into {@code a}, {@code ->},
 * {@code b}. Everything from {@code #} on is a comment and yields no tokens.
 */
final class LineCursor {
  record Token(String text, int column) {
    String quoted() {
      return "'" + text + "'";
    }
  }

  private final int lineNumber;
  private final String lineText;
  private final List<Token> tokens;
  private final int endColumn;
  private int next;

  private LineCursor(int lineNumber, String lineText, List<Token> tokens, int endColumn) {
    this.lineNumber = lineNumber;
    this.lineText = lineText;
    this.tokens = tokens;
    this.endColumn = endColumn;
  }

  static LineCursor of(int lineNumber, String lineText) {
    int hash = lineText.indexOf('#');
    String content = (hash < 0 ? lineText : lineText.substring(0, hash)).stripTrailing();
    return new LineCursor(lineNumber, lineText, tokenize(content), content.length() + 1);
  }

  /** True when the line holds nothing but whitespace and comment. */
  boolean isBlank() {
    return tokens.isEmpty();
  }

  boolean atEnd() {
    return next == tokens.size();
  }

  /** True, and consumes it, when the next token is {@code symbol}. */
  boolean skipIf(String symbol) {
    if (!atEnd() && tokens.get(next).text().equals(symbol)) {
      next++;
      return true;
    }
    return false;
  }

  /** The next token; at the end of the line, an error saying {@code expected} was missing. */
  Token next(String expected) {
    if (atEnd()) {
      throw errorAtEnd("expected " + expected + ", found end of line");
    }
    return tokens.get(next++);
  }

  /** Consumes the fixed word or symbol {@code text}, or fails saying so. */
  void expect(String text) {
    Token token = next("'" + text + "'");
    if (!token.text().equals(text)) {
      throw error(token, "expected '" + text + "', found " + token.quoted());
    }
  }

  /** Fails unless every token has been read: a half-understood line must not pass silently. */
  void expectEnd() {
    if (!atEnd()) {
      Token extra = tokens.get(next);
      throw error(extra, "expected end of line, found " + extra.quoted());
    }
  }

  /** True for {@code ,}, {@code |} and {@code ->}, which can never be a name, a number or a word. */
  static boolean isSymbol(Token token) {
    String text = token.text();
    return text.equals(",") || text.equals("|") || text.equals("->");
  }

  ScheduleParseException error(Token at, String reason) {
    return errorAt(at.column(), reason);
  }

  ScheduleParseException errorAt(int column, String reason) {
    return new ScheduleParseException(lineNumber, column, reason, lineText);
  }

  ScheduleParseException errorAtEnd(String reason) {
    return errorAt(endColumn, reason);
  }

  private static List<Token> tokenize(String content) {
    List<Token> tokens = new ArrayList<>();
    int index = 0;
    while (index < content.length()) {
      char current = content.charAt(index);
      if (Character.isWhitespace(current)) {
        index++;
      } else if (current == ',' || current == '|') {
        tokens.add(new Token(String.valueOf(current), index + 1));
        index++;
      } else if (isArrowAt(content, index)) {
        tokens.add(new Token("->", index + 1));
        index += 2;
      } else {
        int start = index;
        while (index < content.length() && !endsWord(content, index)) {
          index++;
        }
        tokens.add(new Token(content.substring(start, index), start + 1));
      }
    }
    return tokens;
  }

  private static boolean endsWord(String content, int index) {
    char current = content.charAt(index);
    return Character.isWhitespace(current) || current == ',' || current == '|' || isArrowAt(content, index);
  }

  private static boolean isArrowAt(String content, int index) {
    return content.startsWith("->", index);
  }
}
