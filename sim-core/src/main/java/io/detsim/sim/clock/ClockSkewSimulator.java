package io.detsim.sim.clock;

import io.detsim.sim.fault.Fault;
import io.detsim.sim.fault.ScheduledFault;
import io.detsim.sim.port.Check;
import io.detsim.sim.port.NodeId;
import io.detsim.sim.port.RandomSource;
import java.util.ArrayList;
import java.util.List;

/**
 * Clock skew on virtual time (the original design's {@code ClockSkewSimulator}, +/-5 s per node
 * there): draws each node an offset in {@code [-maxSkewNanos, +maxSkewNanos]}, negative offsets
 * included, and redraws it every {@code redrawEveryNanos} (0: once, at the start).
 *
 * <p>It builds schedule entries rather than touching clocks, so a skew is data that prints, shrinks
 * and replays like every other fault.
 */
public record ClockSkewSimulator(long maxSkewNanos, long redrawEveryNanos) {
  public ClockSkewSimulator {
    Check.argument(maxSkewNanos >= 0, "negative max skew: %d", maxSkewNanos);
    Check.argument(redrawEveryNanos >= 0, "negative redraw interval: %d", redrawEveryNanos);
  }

  public static ClockSkewSimulator none() {
    return new ClockSkewSimulator(0, 0);
  }

  /** Offsets for {@code nodes} over {@code [0, durationNanos)}. */
  public List<ScheduledFault> schedule(List<NodeId> nodes, long durationNanos, RandomSource random) {
    List<ScheduledFault> entries = new ArrayList<>();
    if (maxSkewNanos == 0) {
      return entries;
    }
    long step = redrawEveryNanos == 0 ? Long.MAX_VALUE : redrawEveryNanos;
    for (long at = 0; at < durationNanos; at = at + step < at ? Long.MAX_VALUE : at + step) {
      for (NodeId node : nodes) {
        entries.add(new ScheduledFault(at, new Fault.ClockOffset(node, random.nextLong(-maxSkewNanos, maxSkewNanos))));
      }
    }
    return entries;
  }
}
