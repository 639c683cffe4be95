package io.detsim.sim.trace;

import io.detsim.sim.trace.TraceEvent;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Where two traces of what should be the same run part ways. Runs are deterministic, so the first
 * differing event is where the cause is: everything after it is consequence. The comparison
 * streams both traces, keeping only the last {@code context} events, so two traces of any length
 * compare in constant memory.
 */
public final class TraceDiff {
  private TraceDiff() {}

  /**
   * The first index at which the traces differ (or one ends before the other), with up to
   * {@code context} shared events before it; empty when the traces are equal event for event.
   */
  public static Optional<Difference> compare(Iterator<TraceEvent> a, Iterator<TraceEvent> b, int context) {
    if (context < 0) {
      throw new IllegalArgumentException("context must not be negative: " + context);
    }
    ArrayDeque<TraceEvent> shared = new ArrayDeque<>(Math.min(context, 1024) + 1);
    long index = 0;
    while (a.hasNext() && b.hasNext()) {
      TraceEvent left = a.next();
      TraceEvent right = b.next();
      if (!left.equals(right)) {
        return Optional.of(new Difference(index, left, right, new ArrayList<>(shared)));
      }
      if (context > 0) {
        if (shared.size() == context) {
          shared.removeFirst();
        }
        shared.addLast(left);
      }
      index++;
    }
    if (!a.hasNext() && !b.hasNext()) {
      return Optional.empty();
    }
    TraceEvent left = a.hasNext() ? a.next() : null;
    TraceEvent right = b.hasNext() ? b.next() : null;
    return Optional.of(new Difference(index, left, right, new ArrayList<>(shared)));
  }

  /** {@link #compare(Iterator, Iterator, int)} over two lists. */
  public static Optional<Difference> compare(List<TraceEvent> a, List<TraceEvent> b, int context) {
    return compare(Objects.requireNonNull(a, "a").iterator(), Objects.requireNonNull(b, "b").iterator(), context);
  }
}
