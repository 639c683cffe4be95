package io.detsim.sim.trace;

/**
 * One line of a run's trace: at virtual time {@code timeNanos}, {@code node} saw {@code kind}
 * (with {@code peer}, the other end of a message, or null) and {@code detail}.
 */
public record TraceEvent(long timeNanos, String node, String kind, String peer, String detail) {}
