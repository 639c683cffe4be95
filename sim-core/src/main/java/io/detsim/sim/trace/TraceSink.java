package io.detsim.sim.trace;

/** Receives every traced event of a run, in order. Only called when a sink is installed. */
@FunctionalInterface
public interface TraceSink {
  void accept(TraceEvent event);
}
