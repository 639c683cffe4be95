package io.detsim.properties.scenario;

/**
 * A text that cannot be read: a failure file, or the input section a scenario's {@link InputText}
 * parses. The message is one line, {@code <file>:<line>[:<column>]: <problem>}, the form compilers
 * use, so that editors and terminals link it to the spot: people edit these files by hand, and the
 * error must say where and what without the file at hand.
 */
public final class BadTextException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final String source;
  private final int line;
  private final int column;
  private final String problem;

  public BadTextException(String source, int line, int column, String problem) {
    super(source + ":" + line + (column > 0 ? ":" + column : "") + ": " + problem);
    this.source = source;
    this.line = line;
    this.column = column;
    this.problem = problem;
  }

  /** The file's name as given to the parser. */
  public String source() {
    return source;
  }

  /** The 1-based line of the problem; for a missing field or section, the file's last line. */
  public int line() {
    return line;
  }

  /** The 1-based column of the problem in its line, or 0 when the whole line (or file) is at fault. */
  public int column() {
    return column;
  }

  /** What is wrong, without the position. */
  public String problem() {
    return problem;
  }
}
