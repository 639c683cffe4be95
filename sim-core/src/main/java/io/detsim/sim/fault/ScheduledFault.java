package io.detsim.sim.fault;

import java.util.Objects;
import java.util.Optional;

/**
 * A fault and when it strikes: at {@code atNanos} from the start of the run, or, when it has an
 * {@code anchor}, {@code atNanos} after the anchor's point is announced for the anchor's occurrence
 * (an aimed fault). An aimed fault whose point is never reached never strikes.
 */
public record ScheduledFault(long atNanos, Fault fault, Optional<Anchor> anchor) implements Comparable<ScheduledFault> {
  public ScheduledFault {
    if (atNanos < 0) {
      throw new IllegalArgumentException("a fault cannot strike before the run starts or its anchor: " + atNanos + "ns");
    }
    Objects.requireNonNull(fault, "fault");
    Objects.requireNonNull(anchor, "anchor");
  }

  /** A fault at an absolute time. */
  public ScheduledFault(long atNanos, Fault fault) {
    this(atNanos, fault, Optional.empty());
  }

  /** A fault {@code offsetNanos} after the {@code anchor}'s announcement. */
  public static ScheduledFault aimed(Anchor anchor, long offsetNanos, Fault fault) {
    return new ScheduledFault(offsetNanos, fault, Optional.of(anchor));
  }

  public boolean isAimed() {
    return anchor.isPresent();
  }

  /**
   * Absolute entries first, by time; then aimed ones, by offset. Equal entries keep their schedule
   * order (the sort is stable), which is the order faults at one instant are applied in.
   */
  @Override
  public int compareTo(ScheduledFault other) {
    if (isAimed() != other.isAimed()) {
      return isAimed() ? 1 : -1;
    }
    return Long.compare(atNanos, other.atNanos);
  }
}
