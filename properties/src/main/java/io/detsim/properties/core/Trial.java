package io.detsim.properties.core;

import java.util.Objects;

/**
 * One input of a property, generated from a source and judged: the step every mode shares.
 *
 * @param value the generated input
 * @param consumed the choices generation consumed, with spans
 * @param verdict the check's judgement
 */
record Trial<T>(T value, ChoiceSequence consumed, Verdict verdict) {

  /**
   * Generates from {@code source} and judges.
   *
   * @throws GenerationException when no input could be generated
   */
  static <T> Trial<T> run(Property<T> property, RecordingChoiceSource source) {
    T value = property.input().generate(source);
    return new Trial<>(value, source.toSequence(), judge(property, value));
  }

  /** The check's verdict; an exception or assertion error it throws is a failure of that class. */
  static <T> Verdict judge(Property<T> property, T value) {
    Verdict verdict;
    try {
      verdict = property.check().apply(value);
    } catch (RuntimeException | AssertionError thrown) {
      return Verdict.fail(thrown.getClass().getName(), String.valueOf(thrown.getMessage()));
    }
    return Objects.requireNonNull(verdict, () -> "the check of property '" + property.name() + "' returned null");
  }

  /**
   * The shrinker's test function: regenerate from {@code sequence}, judge. A sequence from which
   * the generator cannot make an input, or on which it throws, is invalid rather than failing:
   * the failure being shrunk is the property's, not the generator's.
   */
  static <T> Outcome outcome(Property<T> property, ChoiceSequence sequence) {
    Trial<T> trial;
    try {
      trial = run(property, new ReplayChoiceSource(sequence));
    } catch (RuntimeException thrown) { // judge() catches the check's own exceptions
      return new Outcome.Invalid("generation failed: " + thrown);
    }
    if (trial.verdict() instanceof Verdict.Fail) {
      Verdict.Fail fail = (Verdict.Fail) trial.verdict();
      return new Outcome.Fail(fail.kind(), fail.message(), trial.consumed());
    }
    return new Outcome.Pass(trial.consumed());
  }
}
