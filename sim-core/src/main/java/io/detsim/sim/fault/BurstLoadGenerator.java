package io.detsim.sim.fault;

import io.detsim.sim.port.Check;
import java.util.ArrayList;
import java.util.List;

/**
 * Load bursts on virtual time (the original design's {@code BurstLoadGenerator}: 10,000 extra
 * requests every 5 s in its sustained test). It schedules a {@link Fault.Burst} of {@code size} every
 * {@code intervalNanos}; the simulation hands each to the workload's burst listener
 * ({@code Simulation.onBurst}), which sends that many requests at once. So the load is real traffic
 * through the network and the system under test, and a burst is data that prints, shrinks and
 * replays like any other fault.
 */
public record BurstLoadGenerator(int size, long intervalNanos) {
  public BurstLoadGenerator {
    Check.argument(size >= 0, "negative burst size: %d", size);
    Check.argument(intervalNanos > 0, "burst interval must be positive: %d", intervalNanos);
  }

  public static BurstLoadGenerator none() {
    return new BurstLoadGenerator(0, Long.MAX_VALUE);
  }

  /** Bursts at {@code firstAtNanos}, then every interval, before {@code untilNanos}. */
  public List<ScheduledFault> schedule(long firstAtNanos, long untilNanos) {
    List<ScheduledFault> entries = new ArrayList<>();
    if (size == 0) {
      return entries;
    }
    for (long at = firstAtNanos; at < untilNanos; at += intervalNanos) {
      entries.add(new ScheduledFault(at, new Fault.Burst(size)));
      if (at > Long.MAX_VALUE - intervalNanos) {
        break;
      }
    }
    return entries;
  }
}
