package io.detsim.properties.core;

import io.detsim.sim.port.Ratio;

/**
 * What generators draw from: bounded integer choices, and span markers that tell the shrinker
 * where a structure (a list element, a record) begins and ends.
 *
 * <p>{@link #choose} is the only primitive: every value a generator makes is a function of the
 * choices it drew, so a recorded sequence of choices regenerates the value exactly, and an edited
 * sequence regenerates a value that is still valid (Hypothesis's design, MacIver and Donaldson,
 * ECOOP 2020). Implementations: a seeded random source that records, a replaying source over a
 * {@link ChoiceSequence}, and an enumerating source for exhaustive mode.
 *
 * <p>Shrinking lowers choices toward 0, the replaying source clamps every value into its range, and
 * a replay past the end of a sequence returns each range's simplest value: its minimum, or 0 when
 * the range holds 0. A generator should therefore map choices nearer 0 to simpler values: the
 * range's minimum (or 0) should mean "the simplest thing".
 */
public interface ChoiceSource {

  /**
   * A choice in {@code [min, max]}, both inclusive. A range of one value is forced: it returns
   * {@code min} and records nothing, because it carries no information.
   *
   * @throws IllegalArgumentException if {@code max < min}
   * @throws GenerationException if the source's bound on the number of choices is exceeded
   *     (unbounded recursion)
   */
  long choose(long min, long max);

  /**
   * A boolean, recorded as a choice in {@code [0, 1]} with 1 meaning true.
   *
   * <p>The ratio biases fresh random draws only. Replay, shrinking and exhaustive enumeration see a
   * plain choice in {@code [0, 1]}: enumeration visits both branches once, and shrinking moves
   * toward false. {@link Ratio#NEVER} and {@link Ratio#ALWAYS} are forced and record nothing.
   */
  default boolean chance(Ratio trueRatio) {
    if (trueRatio.isNever()) {
      return false;
    }
    if (trueRatio.numerator() == trueRatio.denominator()) {
      return true;
    }
    return choose(0, 1) == 1;
  }

  /** Opens a span: the choices drawn until the matching {@link #endSpan} form one structure. */
  void startSpan(String label);

  /** Closes the innermost open span. */
  void endSpan();

  /**
   * Closes the innermost open span and forgets it: its choices stay in the sequence but form no
   * structure. For a span that turned out to hold none, such as a list's final "stop" decision,
   * which must not be sorted or deleted as if it were an element.
   */
  void cancelSpan();
}
