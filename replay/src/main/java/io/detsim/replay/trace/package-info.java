/**
 * Reading a run's trace back from the JSON Lines file sim-core writes
 * ({@link io.detsim.sim.trace.JsonLinesTraceWriter}), and finding where two traces part.
 *
 * <p>Entry points: {@link io.detsim.replay.trace.TraceFile#read} (whole file),
 * {@link io.detsim.replay.trace.TraceFile#open} (streaming, for traces too big to hold), and
 * {@link io.detsim.replay.trace.TraceDiff#compare} (first difference, with shared context).
 */
package io.detsim.replay.trace;
