package io.detsim.properties.core;

import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * Shrinks a failing choice sequence to the simplest one (in shortlex order) that still fails with
 * the same kind of violation.
 *
 * <p>Shrinking edits the sequence, never the value: the test function regenerates the input from
 * each candidate, so every input tried is one the generators could have made, and no type needs
 * shrinking code of its own [1]. The passes ({@link ShrinkPasses}) run in a fixed order, repeated
 * until a whole round keeps nothing or the attempt budget is spent: delete spans and zero choices
 * (repeated until they keep nothing), lower by binary search, delete runs, lower equal choices
 * together, move amounts between nearby choices, sort sibling spans; and, only when all of those
 * are stuck, merge sibling elements.
 *
 * <p>Deterministic: bounded by a count of attempts, never by time, with no hash-ordered
 * iteration, so one failure shrinks to the same sequence on every machine. An attempt is one call
 * of the test function; candidates seen before are answered from a cache and cost nothing.
 *
 * <p>[1] D. R. MacIver, A. F. Donaldson, "Test-Case Reduction via Test-Case Generation: Insights
 * from the Hypothesis Reducer", ECOOP 2020.
 */
public final class Shrinker {
  /**
   * Passes that cost about one run per span or choice and remove the most: repeated until they keep
   * nothing before a round goes on, so that a long failure sheds its unneeded faults and elements
   * before the budget goes to binary searches over values that a deletion would have removed.
   */
  private static final List<Predicate<ShrinkState>> STRUCTURAL = List.of(
      ShrinkPasses::deleteSpans,
      ShrinkPasses::zeroChoices);
  private static final List<Predicate<ShrinkState>> PASSES = List.of(
      ShrinkPasses::lowerChoices,
      ShrinkPasses::deleteRuns,
      ShrinkPasses::lowerDuplicates,
      ShrinkPasses::redistributePairs,
      ShrinkPasses::sortSiblings);
  /**
   * Passes that edit two places at once, which costs many runs: tried only in a round where every
   * single edit above failed, so the budget goes to the cheap passes while they still make progress.
   */
  private static final List<Predicate<ShrinkState>> WHEN_STUCK = List.of(ShrinkPasses::adoptFromSibling);

  private Shrinker() {}

  /**
   * What shrinking found.
   *
   * @param original the sequence given
   * @param shrunk the simplest failing sequence found, as its last run consumed it (with spans)
   * @param failure the violation of {@code shrunk}: the original's kind, perhaps another message
   */
  public record Result(ChoiceSequence original, ChoiceSequence shrunk, Outcome.Fail failure, Statistics statistics) {}

  /**
   * How shrinking went.
   *
   * @param attempts runs of the test function for candidates; the one run that confirms the
   *     original failure is not counted
   * @param successfulShrinks candidates kept
   * @param otherKindFailures candidates that failed with another kind of violation (not kept)
   * @param budgetExhausted true when the budget was used up: the result may not be a fixpoint
   */
  public record Statistics(
      int attempts, int successfulShrinks, int originalSize, int finalSize, int otherKindFailures,
      boolean budgetExhausted) {
    /** Statistics of a failure that was not shrunk. */
    public static Statistics unshrunk(int size) {
      return new Statistics(0, 0, size, size, 0, false);
    }
  }

  /**
   * Shrinks {@code failing}.
   *
   * @param test runs one sequence: regenerates the input, checks it, and reports the sequence it
   *     consumed; it must be deterministic
   * @param maxAttempts the most candidate runs to spend; 0 only confirms the failure
   * @throws IllegalArgumentException if {@code failing} does not fail when run
   */
  public static Result shrink(ChoiceSequence failing, Function<ChoiceSequence, Outcome> test, int maxAttempts) {
    Objects.requireNonNull(failing, "failing");
    Objects.requireNonNull(test, "test");
    if (maxAttempts < 0) {
      throw new IllegalArgumentException("maxAttempts cannot be negative: " + maxAttempts);
    }
    Outcome first = Objects.requireNonNull(test.apply(failing), "the test function returned no outcome");
    if (!(first instanceof Outcome.Fail)) {
      throw new IllegalArgumentException("the sequence to shrink does not fail when run (" + first
          + "): is the property deterministic? " + failing.toText());
    }
    ShrinkState state = new ShrinkState(test, maxAttempts, (Outcome.Fail) first);
    boolean progress = true;
    while (progress && !state.isBudgetSpent()) {
      progress = false;
      boolean structural = true;
      while (structural && !state.isBudgetSpent()) {
        structural = false;
        for (Predicate<ShrinkState> pass : STRUCTURAL) {
          structural |= pass.test(state);
        }
        progress |= structural;
      }
      for (Predicate<ShrinkState> pass : PASSES) {
        progress |= pass.test(state);
      }
      for (int i = 0; i < WHEN_STUCK.size() && !progress; i++) {
        progress = WHEN_STUCK.get(i).test(state);
      }
    }
    Statistics statistics = new Statistics(state.attempts(), state.shrinks(), failing.size(),
        state.current().size(), state.otherKindFailures(), state.isBudgetExhausted() || state.isBudgetSpent());
    return new Result(failing, state.current(), state.failure(), statistics);
  }
}
