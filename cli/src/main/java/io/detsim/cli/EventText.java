package io.detsim.cli;

import io.detsim.sim.fault.Durations;
import io.detsim.sim.trace.TraceEvent;

/** One trace event as one readable line: {@code 1.25s server deliver <- client-1: Ack(s-1,7,ACCEPTED)}. */
final class EventText {
  private EventText() {}

  static String format(TraceEvent event) {
    StringBuilder line = new StringBuilder(Durations.format(event.timeNanos())).append(' ').append(event.node())
        .append(' ').append(event.kind());
    if (event.peer() != null) {
      line.append(" peer ").append(event.peer());
    }
    if (event.detail() != null) {
      line.append(": ").append(event.detail());
    }
    return line.toString();
  }
}
