package io.detsim.properties.core;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * The shrinker's one piece of mutable state: the simplest failing sequence found so far, and the
 * attempt budget.
 *
 * <p>Every pass proposes candidates through {@link #consider}, which runs a candidate (unless its
 * outcome is cached) and keeps it when it fails with the same kind of violation and the sequence
 * it consumed is simpler than the current one. Keeping only strictly simpler sequences in a
 * well-founded order is what makes the fixpoint loop terminate; the budget bounds its cost.
 */
final class ShrinkState {
  private final Function<ChoiceSequence, Outcome> test;
  private final int maxAttempts;
  private final String kind;
  /** Outcomes by the values run; lookups only, so its order never matters. */
  private final Map<ChoiceSequence, Outcome> cache = new LinkedHashMap<>();
  private ChoiceSequence current;
  private Outcome.Fail failure;
  private int attempts;
  private int shrinks;
  private int otherKindFailures;
  private int invalidOutcomes;
  private boolean budgetExhausted;

  ShrinkState(Function<ChoiceSequence, Outcome> test, int maxAttempts, Outcome.Fail failure) {
    this.test = test;
    this.maxAttempts = maxAttempts;
    this.kind = failure.kind();
    this.current = failure.consumed();
    this.failure = failure;
    cache.put(current, failure);
  }

  ChoiceSequence current() {
    return current;
  }

  Outcome.Fail failure() {
    return failure;
  }

  int attempts() {
    return attempts;
  }

  int shrinks() {
    return shrinks;
  }

  int otherKindFailures() {
    return otherKindFailures;
  }

  /** How many candidates run so far could not generate an input. */
  int invalidOutcomes() {
    return invalidOutcomes;
  }

  boolean isBudgetExhausted() {
    return budgetExhausted;
  }

  boolean isBudgetSpent() {
    return attempts >= maxAttempts;
  }

  /**
   * Runs {@code candidate} and keeps it if it fails the same way and is simpler; true when kept.
   * A candidate that is not simpler than the current sequence, even once its trailing zeros are
   * dropped, cannot lead to progress and is not run. The array must not be written afterwards.
   */
  boolean consider(long[] candidate) {
    if (!isPromising(candidate)) {
      return false;
    }
    ChoiceSequence sequence = new ChoiceSequence(candidate, List.of());
    Outcome outcome = cache.get(sequence);
    if (outcome == null) {
      if (isBudgetSpent()) {
        budgetExhausted = true;
        return false;
      }
      attempts++;
      outcome = Objects.requireNonNull(test.apply(sequence), "the test function returned no outcome");
      cache.put(sequence, outcome);
      if (outcome instanceof Outcome.Fail) {
        Outcome.Fail fail = (Outcome.Fail) outcome;
        cache.putIfAbsent(fail.consumed(), outcome);
        if (!fail.kind().equals(kind)) {
          otherKindFailures++;
        }
      } else if (outcome instanceof Outcome.Pass) {
        cache.putIfAbsent(((Outcome.Pass) outcome).consumed(), outcome);
      } else {
        invalidOutcomes++;
      }
    }
    if (!(outcome instanceof Outcome.Fail)) {
      return false;
    }
    Outcome.Fail fail = (Outcome.Fail) outcome;
    if (!fail.kind().equals(kind) || !fail.consumed().isSimplerThan(current)) {
      return false;
    }
    current = fail.consumed();
    failure = fail;
    shrinks++;
    return true;
  }

  private boolean isPromising(long[] candidate) {
    int length = candidate.length;
    while (length > 0 && candidate[length - 1] == 0) {
      length--;
    }
    long[] currentValues = current.valuesView();
    if (length != currentValues.length) {
      return length < currentValues.length;
    }
    return ChoiceSequence.compareLexicographically(candidate, 0, currentValues, 0, length) < 0;
  }
}
