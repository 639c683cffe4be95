package io.detsim.properties.core;

import java.util.Arrays;

/**
 * One path through the tree of choices, for exhaustive mode: replays a prefix, then takes each
 * range's minimum, and remembers every range it was asked for so that {@link #nextPrefix} can name
 * the next path in depth-first order.
 *
 * <p>Depth-first with "increment the deepest choice that is below its maximum, drop everything
 * after it" visits every leaf of the tree exactly once, needs no memory beyond the current path,
 * and visits small choices first (for detsim's generators: short lists, first options, values
 * near their target).
 */
final class EnumeratingChoiceSource extends RecordingChoiceSource {
  private final long[] prefix;
  private long[] drawnValues = new long[16];
  private long[] drawnMax = new long[16];
  private int drawn;

  EnumeratingChoiceSource(long[] prefix) {
    this.prefix = prefix;
  }

  @Override
  long draw(long min, long max) {
    long value = drawn < prefix.length ? clamp(prefix[drawn], min, max) : min;
    if (drawn == drawnValues.length) {
      drawnValues = Arrays.copyOf(drawnValues, drawn * 2);
      drawnMax = Arrays.copyOf(drawnMax, drawn * 2);
    }
    drawnValues[drawn] = value;
    drawnMax[drawn] = max;
    drawn++;
    return value;
  }

  /** The prefix of the next path in depth-first order, or null when this path was the last. */
  long[] nextPrefix() {
    for (int deepest = drawn - 1; deepest >= 0; deepest--) {
      if (drawnValues[deepest] < drawnMax[deepest]) {
        long[] next = Arrays.copyOf(drawnValues, deepest + 1);
        next[deepest]++;
        return next;
      }
    }
    return null;
  }
}
