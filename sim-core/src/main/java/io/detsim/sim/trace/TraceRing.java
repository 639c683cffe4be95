package io.detsim.sim.trace;

import java.util.ArrayList;
import java.util.List;

/** Keeps the last {@code capacity} events: what a failure report shows before the violation. */
public final class TraceRing implements TraceSink {
  private final TraceEvent[] ring;
  private long count;

  public TraceRing(int capacity) {
    if (capacity <= 0) {
      throw new IllegalArgumentException("capacity must be positive: " + capacity);
    }
    this.ring = new TraceEvent[capacity];
  }

  @Override
  public void accept(TraceEvent event) {
    ring[(int) (count++ % ring.length)] = event;
  }

  /** The retained events, oldest first. */
  public List<TraceEvent> events() {
    int retained = (int) Math.min(count, ring.length);
    List<TraceEvent> events = new ArrayList<>(retained);
    for (long i = count - retained; i < count; i++) {
      events.add(ring[(int) (i % ring.length)]);
    }
    return events;
  }
}
