package io.detsim.engine.client;

/** The "no timer" value of a timer-handle field. */
final class Timers {
  private Timers() {}

  /**
   * The port promises nothing about handle values, so not -1: the simulator's handles pack a
   * generation count in the high bits. No handle it gives is {@code Long.MIN_VALUE}.
   */
  static final long NONE = Long.MIN_VALUE;
}
