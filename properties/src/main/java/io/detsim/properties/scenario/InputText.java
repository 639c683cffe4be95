package io.detsim.properties.scenario;

/**
 * A scenario input as editable sections of a failure file, and back: {@code parse(format(input))}
 * equals {@code input}. The sections follow the file's header; the first is {@code [input]}.
 *
 * @param <I> the scenario's input
 */
public interface InputText<I> {

  /** The sections, {@code [input]} first, each line ending in a newline. */
  String format(I input);

  /**
   * Parses the sections from the line at {@code from} (the {@code [input]} header's index) to the
   * end of {@code lines}.
   *
   * @throws BadTextException through {@link TextLines#error}, naming the file's line and column
   */
  I parse(TextLines lines, int from);
}
