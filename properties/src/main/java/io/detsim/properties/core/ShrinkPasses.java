package io.detsim.properties.core;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The shrinker's passes, after the Hypothesis reducer [1]. Each proposes edits of the
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
  /**
   * The longest run of choices deleted at once: a small record that no span marks, while a round
   * of run deletions costs at most 8 runs per choice.
   */
  static final int MAX_RUN_DELETED = 8;
  /**
   * How far apart two choices may be to redistribute between them: the same field of the next
   * list element when elements are records of up to 7 choices. A choice that cannot move costs
   * at most 8 pairs of 2 runs each per round.
   */
  static final int PAIR_WINDOW = 8;
  /** Groups of equal choices up to this size try every pair; larger ones only neighbours. */
  static final int ALL_PAIRS_UP_TO = 8;
  /** How many values just below a binary search's answer are tried one by one. */
  static final int LINEAR_PROBES = 8;

  private ShrinkPasses() {}

  /** Deletes whole spans, largest first: one kept edit can remove a whole list element or subtree. */
  static boolean deleteSpans(ShrinkState state) {
    boolean progress = false;
    List<ChoiceSequence.Span> order = SequenceStructure.spansLargestFirst(state.current());
    int rank = 0;
    while (rank < order.size() && !state.isBudgetSpent()) {
      ChoiceSequence.Span span = order.get(rank);
      if (span.end() <= state.current().size()
          && state.consider(without(state.current().valuesView(), span.start(), span.end()))) {
        progress = true;
        order = SequenceStructure.spansLargestFirst(state.current());
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
    for (ChoiceSequence.Span span : SequenceStructure.spansLargestFirst(state.current())) {
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
    int invalidBefore = state.invalidOutcomes();
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
    // Binary search assumes "fails" is monotone in the value. Candidates that could not generate
    // show where that breaks (a filter lets only every 7th value through, say): then also try the
    // few values just below, one by one.
    boolean sparse = state.invalidOutcomes() > invalidBefore;
    for (long below = failsAt - 1; sparse && below >= Math.max(1, failsAt - LINEAR_PROBES) && !state.isBudgetSpent();
        below--) {
      if (state.consider(with(base, index, sign * below))) {
        return true;
      }
    }
    return progress;
  }

  /**
   * Lowers equal choices together, however far apart: two fields that must match (the same node
   * in two faults, say) cannot be lowered one at a time, since each single edit breaks the match.
   * After Hypothesis's pass for duplicated blocks, with copies grouped by where they sit (the
   * label of their innermost span and their offset in it) so that the node field of one fault is
   * paired with the node field of another and not with a list's "continue?" choice of the same
   * value. Each group tries all its copies at once, then its pairs (consecutive pairs only in a
   * group of more than {@value #ALL_PAIRS_UP_TO} copies, to bound the cost).
   */
  static boolean lowerDuplicates(ShrinkState state) {
    boolean progress = false;
    for (List<Integer> copies : SequenceStructure.repeatedValuesByPlace(state.current())) {
      if (state.isBudgetSpent()) {
        break;
      }
      progress |= lowerTogether(state, copies);
      if (copies.size() == 2) {
        continue;
      }
      for (int a = 0; a < copies.size() && !state.isBudgetSpent(); a++) {
        int lastPartner = copies.size() <= ALL_PAIRS_UP_TO ? copies.size() - 1 : Math.min(a + 1, copies.size() - 1);
        for (int b = a + 1; b <= lastPartner && !state.isBudgetSpent(); b++) {
          progress |= lowerTogether(state, List.of(copies.get(a), copies.get(b)));
        }
      }
    }
    return progress;
  }

  private static boolean lowerTogether(ShrinkState state, List<Integer> positions) {
    long[] base = state.current().valuesView();
    int last = positions.get(positions.size() - 1);
    if (last >= base.length || base[positions.get(0)] <= 0) {
      return false;
    }
    long value = base[positions.get(0)];
    for (int position : positions) {
      if (base[position] != value) {
        return false; // an earlier edit changed one of the copies
      }
    }
    return searchLargest(state, value, amount -> {
      long[] candidate = base.clone();
      for (int position : positions) {
        candidate[position] = value - amount;
      }
      return candidate;
    });
  }

  /**
   * For choices {@code i < j} near each other, moves an amount from {@code i} to {@code j}: "x + y
   * > 1000" shrinks to "0, 1001", and deleting the 0 leaves one element. Lowering the earlier
   * choice makes the edit simpler whatever it does to the later one.
   */
  static boolean redistributePairs(ShrinkState state) {
    boolean progress = false;
    for (int i = 0; i < state.current().size() && !state.isBudgetSpent(); i++) {
      for (int j = i + 1; j <= i + PAIR_WINDOW && j < state.current().size() && !state.isBudgetSpent(); j++) {
        long[] base = state.current().valuesView();
        if (base[i] <= 0 || base[j] < 0) {
          continue;
        }
        int from = i;
        int to = j;
        long movable = Math.min(base[i], Long.MAX_VALUE - base[j]);
        progress |= searchLargest(state, movable,
            amount -> with(with(base, from, base[from] - amount), to, base[to] + amount));
      }
    }
    return progress;
  }

  /**
   * The largest amount in {@code [1, max]} whose candidate is kept: {@code max} first (the whole
   * amount, often the answer), then 1, and a binary search between only when 1 was kept. When the
   * smallest edit fails, a larger one rarely succeeds, and a pair that cannot move then costs two
   * runs instead of a whole search.
   */
  private static boolean searchLargest(ShrinkState state, long max, AmountEdit edit) {
    if (max <= 0) {
      return false;
    }
    if (state.consider(edit.candidate(max))) {
      return true;
    }
    if (max == 1 || !state.consider(edit.candidate(1))) {
      return false;
    }
    boolean progress = true;
    long kept = 1;
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
    List<List<ChoiceSequence.Span>> runs = SequenceStructure.siblingRuns(state.current().spans());
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
        runs = SequenceStructure.siblingRuns(state.current().spans());
      }
    }
    return progress;
  }

  /**
   * Merges two sibling list elements into one: deletes element {@code d} and lets element {@code k}
   * take one of {@code d}'s smaller field values (same offset in both spans). Where a failure needs
   * one element's kind and another's timing (a flapping disk's crashes, struck at the instant an
   * earlier plain crash struck), deleting either element alone passes and lowering a field alone
   * passes too: only the two edits together keep the failure. A local minimum of the other passes,
   * so {@link Shrinker} runs this only when they are stuck.
   */
  static boolean adoptFromSibling(ShrinkState state) {
    boolean progress = false;
    List<List<ChoiceSequence.Span>> runs = SequenceStructure.siblingRuns(state.current().spans());
    for (int r = 0; r < runs.size() && !state.isBudgetSpent(); r++) {
      List<ChoiceSequence.Span> run = runs.get(r);
      for (ChoiceSequence.Span keep : run) {
        for (ChoiceSequence.Span drop : run) {
          if (keep == drop || state.isBudgetSpent()) {
            continue;
          }
          if (adopt(state, keep, drop)) {
            return true; // spans moved: the next round sees the new structure
          }
        }
      }
    }
    return progress;
  }

  private static boolean adopt(ShrinkState state, ChoiceSequence.Span keep, ChoiceSequence.Span drop) {
    long[] values = state.current().valuesView();
    int end = Math.max(keep.end(), drop.end());
    if (end > values.length) {
      values = Arrays.copyOf(values, end); // a trimmed tail: the choices past the end read as 0
    }
    int fields = Math.min(keep.size(), drop.size());
    for (int k = 0; k < fields && !state.isBudgetSpent(); k++) {
      long adopted = values[drop.start() + k];
      long own = values[keep.start() + k];
      if (adopted < 0 || adopted >= own) {
        continue;
      }
      // The dropped element's own value first, then points between it and the kept one, nearest
      // to it first (adopted + distance/2^s): "fails when the crash lands in the 100 ms the client
      // streams" is a window, not a threshold, so a binary search from either end can miss it,
      // while these log2(distance) points hit any window wider than its distance from the start.
      if (state.consider(without(with(values, keep.start() + k, adopted), drop.start(), drop.end()))) {
        return true;
      }
      long distance = own - adopted;
      for (int shift = 63 - Long.numberOfLeadingZeros(distance); shift >= 1 && !state.isBudgetSpent(); shift--) {
        long between = adopted + (distance >> shift);
        if (state.consider(without(with(values, keep.start() + k, between), drop.start(), drop.end()))) {
          return true;
        }
      }
    }
    return false;
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
