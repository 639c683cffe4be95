/**
 * Per-node clocks: virtual time plus an offset and a drift that faults set, jump forwards or
 * backwards. Timers fire at true times on the scheduler; only what a node reads is skewed, as
 * real skew does to code that compares timestamps. The per-node clock itself is kernel machinery
 * in {@code io.detsim.sim}; here is the original design's skew injector.
 */
package io.detsim.sim.clock;
