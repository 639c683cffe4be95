package io.detsim.properties.core;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Deque;
import java.util.List;

/**
 * The shrinker's passes, after the Hypothesis reducer [1, section 4]. Each proposes edits of the
 * current sequence through {@link ShrinkState#consider} and returns whether any was kept.
 *
 * <p>Binary searches build their candidates from a snapshot taken when the search starts rather
 * than from the current sequence: a kept candidate can be normalised (clamped, trimmed) into a
 * sequence whose positions no longer line up, and the snapshot keeps "smaller k" meaning
 * "simpler candidate" throughout the search. The state skips candidates that are not simpler
 * than the current sequence without running them.
 *
 * <p>[1] D. R. MacIver, A. F. Donaldson, "Test-Case Reduction via Test-Case Generation: Insights
 * from the Hypothesis Reducer", ECOOP 2020.
 */
final class ShrinkPasses {
  /** The longest run of choices deleted at once; Hypothesis deletes runs of up to 8 blocks too. */
  static final int MAX_RUN_DELETED = 8;
  /** How far apart two choices may be for the pair passes; bounds their cost to 8 pairs per choice. */
  static final int PAIR_WINDOW = 8;
  /** How many values just below a binary search's answer are tried one by one. */
  static final int LINEAR_PROBES = 8;

  private ShrinkPasses() {}

  /** Deletes whole spans, largest first: one kept edit can remove a whole list element or subtree. */
  static boolean deleteSpans(ShrinkState state) {
    boolean progress = false;
    List<ChoiceSequence.Span> order = spansLargestFirst(state.current());
    int rank = 0;
    while (rank < order.size() && !state.isBudgetSpent()) {
      ChoiceSequence.Span span = order.get(rank);
      if (span.end() <= state.current().size()
          && state.consider(without(state.current().valuesView(), span.start(), span.end()))) {
        progress = true;
        order = spansLargestFirst(state.current());
      } else {
        rank++;
      }
    }
    return progress;
  }

  /** Deletes runs of 8 down to 1 adjacent choices, for structure that no span marks. */
  static boolean deleteRuns(ShrinkState state) {
    boolean progress = false;
    for (int length = MAX_RUN_DELETED; length >= 1; length--) {
      int start = 0;
      while (start + length <= state.current().size() && !state.isBudgetSpent()) {
        if (state.consider(without(state.current().valuesView(), start, start + length))) {
          progress = true;
        } else {
          start++;
        }
      }
    }
    return progress;
  }

  /** Sets whole spans to 0, largest first, then single choices: the simplest value in one step. */
  static boolean zeroChoices(ShrinkState state) {
    boolean progress = false;
    for (ChoiceSequence.Span span : spansLargestFirst(state.current())) {
      long[] values = state.current().valuesView();
      if (span.end() <= values.length && !isZero(values, span.start(), span.end()) && !state.isBudgetSpent()) {
        long[] candidate = values.clone();
        Arrays.fill(candidate, span.start(), span.end(), 0);
        progress |= state.consider(candidate);
      }
    }
    for (int i = 0; i < state.current().size() && !state.isBudgetSpent(); i++) {
      if (state.current().value(i) != 0) {
        progress |= state.consider(with(state.current().valuesView(), i, 0));
      }
    }
    return progress;
  }

  /**
   * Lowers each choice to the smallest magnitude that still fails, by binary search (a negative
   * choice first tries its positive twin, which is simpler). Exact for the common monotone case,
   * "fails when x >= 1234", in about log2(x) attempts.
   */
  static boolean lowerChoices(ShrinkState state) {
    boolean progress = false;
    for (int i = 0; i < state.current().size() && !state.isBudgetSpent(); i++) {
      progress |= lower(state, i);
    }
    return progress;
  }

  private static boolean lower(ShrinkState state, int index) {
    long[] base = state.current().valuesView();
    long value = base[index];
    if (value == 0) {
      return false;
    }
    if (value == Long.MIN_VALUE) {
      return state.consider(with(base, index, 0)); // no positive twin, and |value| overflows
    }
    long sign = value < 0 ? -1 : 1;
    if (value < 0 && state.consider(with(base, index, -value))) {
      return true; // lowered again next round, from the positive value
    }
    if (state.consider(with(base, index, 0))) {
      return true;
    }
    boolean progress = false;
    long failsAt = Math.abs(value); // known to fail: the current value
    long passesAt = 0; // known not to be kept
    while (failsAt - passesAt > 1 && !state.isBudgetSpent()) {
      long middle = passesAt + (failsAt - passesAt) / 2;
      if (state.consider(with(base, index, sign * middle))) {
        progress = true;
        failsAt = middle;
      } else {
        passesAt = middle;
      }
    }
    // Binary search assumes "fails" is monotone in the value. A filter or a modulus breaks that
    // (only every 7th value may generate at all), so also try the few values just below.
    for (long below = failsAt - 1; below >= Math.max(1, failsAt - LINEAR_PROBES) && !state.isBudgetSpent(); below--) {
      if (state.consider(with(base, index, sign * below))) {
        return true;
      }
    }
    return progress;
  }

  /**
   * For choices {@code i < j} near each other: lowers both by the same amount, then moves an amount
   * from {@code i} to {@code j} (so "x + y > 1000" shrinks to "0, 1001", and deleting the 0 leaves
   * one element). Both edits lower the earlier choice, so both are simpler; each searches for the
   * largest amount that still fails.
   */
  static boolean lowerPairs(ShrinkState state) {
    boolean progress = false;
    for (int i = 0; i < state.current().size() && !state.isBudgetSpent(); i++) {
      for (int j = i + 1; j <= i + PAIR_WINDOW && j < state.current().size() && !state.isBudgetSpent(); j++) {
        long[] base = state.current().valuesView();
        if (base[i] <= 0 || base[j] < 0) {
          continue;
        }
        int first = i;
        int second = j;
        if (base[j] > 0) {
          progress |= searchLargest(state, Math.min(base[i], base[j]),
              amount -> with(with(base, first, base[first] - amount), second, base[second] - amount));
        }
        long[] moveBase = state.current().valuesView();
        if (j < moveBase.length && moveBase[i] > 0 && moveBase[j] >= 0) {
          long movable = Math.min(moveBase[i], Long.MAX_VALUE - moveBase[j]);
          progress |= searchLargest(state, movable,
              amount -> with(with(moveBase, first, moveBase[first] - amount), second, moveBase[second] + amount));
        }
      }
    }
    return progress;
  }

  /** The largest amount in {@code [1, max]} whose candidate is kept, trying {@code max} first. */
  private static boolean searchLargest(ShrinkState state, long max, AmountEdit edit) {
    if (max <= 0) {
      return false;
    }
    if (state.consider(edit.candidate(max))) {
      return true;
    }
    boolean progress = false;
    long kept = 0;
    long rejected = max;
    while (rejected - kept > 1 && !state.isBudgetSpent()) {
      long middle = kept + (rejected - kept) / 2;
      if (state.consider(edit.candidate(middle))) {
        progress = true;
        kept = middle;
      } else {
        rejected = middle;
      }
    }
    return progress;
  }

  @FunctionalInterface
  private interface AmountEdit {
    long[] candidate(long amount);
  }

  /**
   * Sorts each run of adjacent sibling spans with the same label (list elements, say) into the
   * order whose concatenation is lexicographically smallest: span {@code a} goes before {@code b}
   * when {@code a + b < b + a}, the classic order for the smallest concatenation.
   */
  static boolean sortSiblings(ShrinkState state) {
    boolean progress = false;
    List<List<ChoiceSequence.Span>> runs = siblingRuns(state.current().spans());
    for (int r = 0; r < runs.size() && !state.isBudgetSpent(); r++) {
      long[] values = state.current().valuesView();
      List<ChoiceSequence.Span> run = runs.get(r);
      if (run.get(run.size() - 1).end() > values.length) {
        continue;
      }
      List<ChoiceSequence.Span> sorted = new ArrayList<>(run);
      sorted.sort((a, b) -> compareConcatenations(values, a, b));
      if (sorted.equals(run)) {
        continue;
      }
      long[] candidate = values.clone();
      int position = run.get(0).start();
      for (ChoiceSequence.Span span : sorted) {
        System.arraycopy(values, span.start(), candidate, position, span.size());
        position += span.size();
      }
      if (state.consider(candidate)) {
        progress = true;
        runs = siblingRuns(state.current().spans());
      }
    }
    return progress;
  }

  private static int compareConcatenations(long[] values, ChoiceSequence.Span a, ChoiceSequence.Span b) {
    long[] ab = concatenate(values, a, b);
    long[] ba = concatenate(values, b, a);
    return ChoiceSequence.compareLexicographically(ab, 0, ba, 0, ab.length);
  }

  private static long[] concatenate(long[] values, ChoiceSequence.Span first, ChoiceSequence.Span second) {
    long[] joined = new long[first.size() + second.size()];
    System.arraycopy(values, first.start(), joined, 0, first.size());
    System.arraycopy(values, second.start(), joined, first.size(), second.size());
    return joined;
  }

  /** Maximal runs (of two or more) of adjacent spans with one parent and one label. */
  static List<List<ChoiceSequence.Span>> siblingRuns(List<ChoiceSequence.Span> spans) {
    List<List<ChoiceSequence.Span>> children = childrenByParent(spans);
    List<List<ChoiceSequence.Span>> runs = new ArrayList<>();
    for (List<ChoiceSequence.Span> siblings : children) {
      int from = 0;
      for (int k = 1; k <= siblings.size(); k++) {
        boolean continues = k < siblings.size()
            && siblings.get(k - 1).end() == siblings.get(k).start()
            && siblings.get(k - 1).label().equals(siblings.get(k).label());
        if (!continues) {
          if (k - from >= 2) {
            runs.add(List.copyOf(siblings.subList(from, k)));
          }
          from = k;
        }
      }
    }
    return runs;
  }

  /** The children of the root (index 0) and of each span (index i + 1), each in order of start. */
  private static List<List<ChoiceSequence.Span>> childrenByParent(List<ChoiceSequence.Span> spans) {
    List<List<ChoiceSequence.Span>> children = new ArrayList<>(spans.size() + 1);
    for (int i = 0; i <= spans.size(); i++) {
      children.add(new ArrayList<>());
    }
    Deque<Integer> enclosing = new ArrayDeque<>();
    for (int i = 0; i < spans.size(); i++) {
      ChoiceSequence.Span span = spans.get(i);
      while (!enclosing.isEmpty() && !spans.get(enclosing.peek()).contains(span)) {
        enclosing.pop();
      }
      children.get(enclosing.isEmpty() ? 0 : enclosing.peek() + 1).add(span);
      enclosing.push(i);
    }
    return children;
  }

  /** Distinct span ranges, largest first, then by start. */
  static List<ChoiceSequence.Span> spansLargestFirst(ChoiceSequence sequence) {
    List<ChoiceSequence.Span> order = new ArrayList<>(sequence.spans());
    order.sort(Comparator.comparingInt(ChoiceSequence.Span::size).reversed()
        .thenComparingInt(ChoiceSequence.Span::start));
    List<ChoiceSequence.Span> distinct = new ArrayList<>(order.size());
    for (ChoiceSequence.Span span : order) {
      ChoiceSequence.Span last = distinct.isEmpty() ? null : distinct.get(distinct.size() - 1);
      if (last == null || last.start() != span.start() || last.end() != span.end()) {
        distinct.add(span);
      }
    }
    return distinct;
  }

  static long[] without(long[] values, int from, int to) {
    long[] shorter = new long[values.length - (to - from)];
    System.arraycopy(values, 0, shorter, 0, from);
    System.arraycopy(values, to, shorter, from, values.length - to);
    return shorter;
  }

  static long[] with(long[] values, int index, long value) {
    long[] edited = values.clone();
    edited[index] = value;
    return edited;
  }

  private static boolean isZero(long[] values, int from, int to) {
    for (int i = from; i < to; i++) {
      if (values[i] != 0) {
        return false;
      }
    }
    return true;
  }
}
