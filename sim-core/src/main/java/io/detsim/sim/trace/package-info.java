/**
 * The trace of a run: every dispatched event ({@link io.detsim.sim.trace.TraceEvent}) is folded into
 * the run's 64-bit digest, kept in a ring of recent events for failure reports, and optionally
 * written as JSON Lines ({@link io.detsim.sim.trace.JsonLinesTraceWriter}); then read back and
 * compared.
 *
 * <p>Entry points: {@link io.detsim.sim.trace.TraceFile#read} (whole file),
 * {@link io.detsim.sim.trace.TraceFile#open} (streaming, for traces too big to hold), and
 * {@link io.detsim.sim.trace.TraceDiff#compare} (the first difference of two runs, with shared
 * context).
 */
package io.detsim.sim.trace;
