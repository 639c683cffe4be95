package io.detsim.sim.fault;

/**
 * Schedule text that does not parse. The message is one line that a person can act on without the
 * source at hand: {@code line 3, column 12: expected a duration like 250ms, found 'abc'}. Schedules
 * live in failure files that people edit by hand, so the error points at the exact spot.
 */
public final class ScheduleParseException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  private final int line;
  private final int column;
  private final String reason;
  private final String detail;

  ScheduleParseException(int line, int column, String reason, String lineText) {
    super("line " + line + ", column " + column + ": " + reason);
    this.line = line;
    this.column = column;
    this.reason = reason;
    this.detail = lineText;
  }

  /** The 1-based line of the error in the parsed text. */
  public int line() {
    return line;
  }

  /** The 1-based column of the error in its line, counting characters (a tab is one column). */
  public int column() {
    return column;
  }

  /** What was expected and what was found, without the position. */
  public String reason() {
    return reason;
  }

  /** The offending line, as written, so a report can show it under the message. */
  public String detail() {
    return detail;
  }
}
