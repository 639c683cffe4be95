package io.detsim.engine.server;

import io.detsim.engine.protocol.Priority;
import io.detsim.engine.queue.Admission;
import java.util.Locale;

/**
 * The admission rule of docs/engine.md, restated apart from the queue that applies it, and checked
 * at every offer: an observation is admitted exactly when, before the offer, the queue's pressure
 * was below 0.95 and the observation's lane had room.
 *
 * <p>Admitting past a lane's capacity or the queue's is caught at once by the queue's own bounds;
 * admitting from 95 % up to the capacity, and refusing too early, are not. A refusal loses nothing
 * (the client retries after the retry-after), so no end check can tell a lane that refused one short
 * of its capacity, or a queue that refused from CRITICAL on, from a busy engine: both only lower the
 * throughput under load, silently. Restated here in its own arithmetic, the rule fails at the offer
 * that broke it, whichever side of it the slip is on.
 */
final class AdmissionRule {
  private AdmissionRule() {}

  /** What the rule decides for an offer to {@code lane} of a queue in this state. */
  static boolean admits(int depth, int capacity, int laneDepth, int laneCapacity) {
    return (long) depth * 100 < (long) capacity * 95 && laneDepth < laneCapacity;
  }

  /**
   * Fails when {@code admission} is not what the rule decides for the queue as it was before the
   * offer.
   *
   * @throws AssertionError naming the state and both decisions
   */
  static void check(Admission admission, Priority lane, int depth, int capacity, int laneDepth, int laneCapacity) {
    boolean expected = admits(depth, capacity, laneDepth, laneCapacity);
    if (admission.isAdmitted() != expected) { // a plain if: formatting only on failure, on the offer path
      throw new AssertionError(String.format(Locale.ROOT,
          "the queue %s an offer to its %s lane at depth %d of %d with %d of %d in the lane; the rule %s it"
              + " (admitted below 95 %% pressure with room in the lane)",
          admission.isAdmitted() ? "admitted" : "refused", lane, depth, capacity, laneDepth, laneCapacity,
          expected ? "admits" : "refuses"));
    }
  }
}
