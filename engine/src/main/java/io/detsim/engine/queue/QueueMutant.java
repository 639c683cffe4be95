package io.detsim.engine.queue;

/**
 * Deliberate bugs for the framework's self-test: a property that cannot catch them is too weak.
 * Off unless named in {@link QueueOptions}; free when off (one boolean read where they act).
 */
public enum QueueMutant {
  /**
   * An item offered to a full lane is dropped, yet reported admitted: the silent drop that
   * guarantee 2 forbids. It acts only where a lane fills before the whole queue reaches OVERLOADED
   * (95 %), so pair it with a lane capacity below 95 % of the total.
   */
  FULL_LANE_DROPS_SILENTLY
}
