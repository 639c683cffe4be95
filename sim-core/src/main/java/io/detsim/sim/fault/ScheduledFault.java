package io.detsim.sim.fault;

/** A fault and the virtual time it strikes at, in nanoseconds from the start of the run. */
public record ScheduledFault(long atNanos, Fault fault) implements Comparable<ScheduledFault> {
  public ScheduledFault {
    if (atNanos < 0) {
      throw new IllegalArgumentException("a fault cannot strike before the run starts: " + atNanos + "ns");
    }
    java.util.Objects.requireNonNull(fault, "fault");
  }

  /** By time only: faults at the same instant keep their schedule order (the sort is stable). */
  @Override
  public int compareTo(ScheduledFault other) {
    return Long.compare(atNanos, other.atNanos);
  }
}
