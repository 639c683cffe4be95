package io.detsim.replay.timeline;

import java.util.List;

/**
 * A fault as the timeline shades it: from {@code startNanos} to {@code endNanos} (equal for an
 * instant fault such as a kill), over the lanes of {@code nodes} (processes; their actors too), or
 * over every lane when {@code nodes} is empty (a network-wide knob). {@code kind} picks the colour.
 */
record FaultBand(long startNanos, long endNanos, String kind, String label, List<String> nodes) {
  FaultBand {
    nodes = List.copyOf(nodes);
  }

  boolean isInstant() {
    return startNanos == endNanos;
  }
}
