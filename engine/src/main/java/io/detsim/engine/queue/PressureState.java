package io.detsim.engine.queue;

import io.detsim.engine.protocol.SessionStatus;

/**
 * How full the queue is, from pressure = depth / capacity (docs/engine.md): NORMAL below 0.5, WARNING
 * below 0.8, CRITICAL below 0.95, OVERLOADED from 0.95. Compared in exact integers
 * ({@code depth * 100 < capacity * 50}), so a boundary never depends on rounding.
 */
public enum PressureState {
  NORMAL,
  WARNING,
  CRITICAL,
  OVERLOADED;

  public static PressureState of(long depth, long capacity) {
    if (capacity <= 0 || depth < 0) {
      throw new IllegalArgumentException("needs depth >= 0 and capacity > 0: " + depth + "/" + capacity);
    }
    long percentOfCapacity = depth * 100; // depth is an int in practice: no overflow
    if (percentOfCapacity < capacity * 50) {
      return NORMAL;
    }
    if (percentOfCapacity < capacity * 80) {
      return WARNING;
    }
    if (percentOfCapacity < capacity * 95) {
      return CRITICAL;
    }
    return OVERLOADED;
  }

  /** What clients are told: ACTIVE (normal, warning), BACKPRESSURE (halve the rate), OVERLOADED. */
  public SessionStatus toStatus() {
    switch (this) {
      case CRITICAL:
        return SessionStatus.BACKPRESSURE;
      case OVERLOADED:
        return SessionStatus.OVERLOADED;
      default:
        return SessionStatus.ACTIVE;
    }
  }

  /** 0 to 3, for the {@code engram_streaming_backpressure_state} gauge. */
  public int level() {
    return ordinal();
  }
}
