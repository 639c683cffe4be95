package io.detsim.sim;

import io.detsim.sim.fault.Anchor;
import io.detsim.sim.fault.Fault;
import io.detsim.sim.fault.FaultKind;
import io.detsim.sim.fault.ScheduledFault;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.BiConsumer;

/**
 * The transition points a run announced (see {@link io.detsim.sim.port.NodeContext#point}): how
 * often each was reached, which fault kinds struck inside each one's window, and the aimed faults
 * waiting for their anchor.
 *
 * <p>A point is "reached under" a fault kind when a fault of that kind is applied at the instant
 * the point is announced or within {@link #WINDOW_NANOS} after it: long enough for a transition's
 * own writes and syncs to be in flight, short enough that the fault belongs to this transition and
 * not to the next round of ordinary work.
 */
final class TransitionPoints {
  static final long WINDOW_NANOS = 10_000_000;

  private final SortedMap<String, Long> counts = new TreeMap<>();
  private final SortedMap<String, Long> lastAtNanos = new TreeMap<>();
  private final SortedMap<String, SortedSet<String>> underFaults = new TreeMap<>();
  private final List<ScheduledFault> armed = new ArrayList<>();

  /** Waits for {@code entry}'s anchor: the fault is due {@code entry.atNanos()} after it. */
  void arm(ScheduledFault entry) {
    armed.add(entry);
  }

  /**
   * Counts one announcement of {@code point} at {@code nowNanos} and hands every armed fault whose
   * anchor this is to {@code due}, with the absolute time it is due at, in schedule order.
   */
  void announce(String point, long nowNanos, BiConsumer<Long, ScheduledFault> due) {
    long occurrence = counts.merge(point, 1L, Long::sum);
    lastAtNanos.put(point, nowNanos);
    for (int i = 0; i < armed.size(); i++) {
      ScheduledFault entry = armed.get(i);
      Anchor anchor = entry.anchor().orElseThrow();
      if (anchor.occurrence() == occurrence && anchor.point().equals(point)) {
        armed.remove(i--);
        due.accept(saturatingAdd(nowNanos, entry.atNanos()), entry);
      }
    }
  }

  /** Records the fault applied now against every point announced within the window before it. */
  void faultApplied(Fault fault, long nowNanos) {
    FaultKind.of(fault).ifPresent(kind -> {
      for (Map.Entry<String, Long> last : lastAtNanos.entrySet()) {
        if (nowNanos - last.getValue() <= WINDOW_NANOS) {
          underFaults.computeIfAbsent(last.getKey(), point -> new TreeSet<>()).add(kind.name());
        }
      }
    });
  }

  /** Aiming ends (at heal-all): the armed faults will never fire; they are returned. */
  List<ScheduledFault> disarm() {
    List<ScheduledFault> unfired = List.copyOf(armed);
    armed.clear();
    return unfired;
  }

  SortedMap<String, Long> counts() {
    return Collections.unmodifiableSortedMap(counts);
  }

  SortedMap<String, SortedSet<String>> underFaults() {
    SortedMap<String, SortedSet<String>> copy = new TreeMap<>();
    underFaults.forEach((point, kinds) -> copy.put(point, Collections.unmodifiableSortedSet(new TreeSet<>(kinds))));
    return Collections.unmodifiableSortedMap(copy);
  }

  private static long saturatingAdd(long a, long b) {
    long sum = a + b;
    return sum < a ? Long.MAX_VALUE : sum;
  }
}
