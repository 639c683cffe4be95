package io.detsim.sim.port;

/**
 * A node's own reading of the time, in nanoseconds.
 *
 * <p>In simulation it is virtual time plus this node's offset and drift, so it may be wrong and may
 * even go backwards when the clock is stepped: code that compares timestamps from two clocks must
 * allow for that, as it must in production. Timers do not use this clock; they fire after true
 * elapsed time.
 */
@FunctionalInterface
public interface Clock {
  long nowNanos();
}
