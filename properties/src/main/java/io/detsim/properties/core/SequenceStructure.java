package io.detsim.properties.core;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Deque;
import java.util.List;
import java.util.TreeMap;

/**
 * Questions the shrinker's passes ask about the structure of a sequence, answered from its spans:
 * which spans are siblings, which span holds a choice, where equal values sit.
 */
final class SequenceStructure {
  private SequenceStructure() {}

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

  /**
   * Positions of positive values that occur more than once in the same place (innermost span
   * label and offset in it; choices outside every span share one place), groups in order of
   * their first position.
   */
  static List<List<Integer>> repeatedValuesByPlace(ChoiceSequence sequence) {
    long[] values = sequence.valuesView();
    int[] innermost = innermostSpans(sequence);
    TreeMap<String, List<Integer>> positionsByKey = new TreeMap<>();
    for (int i = 0; i < values.length; i++) {
      if (values[i] > 0) {
        ChoiceSequence.Span span = innermost[i] < 0 ? null : sequence.spans().get(innermost[i]);
        String place = span == null ? "" : span.label() + "@" + (i - span.start());
        positionsByKey.computeIfAbsent(values[i] + "|" + place, key -> new ArrayList<>()).add(i);
      }
    }
    List<List<Integer>> repeated = new ArrayList<>();
    for (List<Integer> positions : positionsByKey.values()) {
      if (positions.size() > 1) {
        repeated.add(positions);
      }
    }
    repeated.sort(Comparator.comparingInt(positions -> positions.get(0)));
    return repeated;
  }

  /** For each position, the index of the innermost span containing it, or -1. */
  private static int[] innermostSpans(ChoiceSequence sequence) {
    int[] innermost = new int[sequence.size()];
    Arrays.fill(innermost, -1);
    List<ChoiceSequence.Span> spans = sequence.spans();
    for (int s = 0; s < spans.size(); s++) { // pre-order: a later span containing a position is nested deeper
      for (int i = spans.get(s).start(); i < spans.get(s).end(); i++) {
        innermost[i] = s;
      }
    }
    return innermost;
  }
}
