package io.detsim.engine.session;

/**
 * Deliberate bugs for the framework's self-test: a property that cannot catch them is too weak.
 * Off unless named in {@link SessionOptions}; free when off (one boolean read at the decision).
 */
public enum SessionMutant {
  /**
   * A duplicate (sequence below the expected one) is answered as a SEQUENCE_GAP instead of being
   * acknowledged again, so a client whose ack was lost never learns its observation was accepted.
   */
  DUPLICATES_AS_GAPS
}
