package io.detsim.sim;

import io.detsim.sim.port.Check;
import java.util.function.LongSupplier;

/**
 * Counts the calls one handler makes to its context and clock, and stops a handler that goes over
 * the limit ({@link RunawayHandlerException}). A handler that loops for ever cannot be stopped
 * from outside a single thread; but a loop in simulated code almost always calls something of
 * its node's (reads the clock, sends, sets a timer, traces), and each such call is a point where
 * the simulator can end it. Counting calls, not wall time, keeps the verdict deterministic.
 */
final class HandlerBudget {
  /**
   * Ten million calls: about 0.1 to 1 s of wall time for a loop of clock reads, and more than a
   * thousand times what the engine's busiest handler makes (a worker's batch of a few thousand
   * items, a handful of calls each).
   */
  static final long DEFAULT_LIMIT = 10_000_000L;

  private final LongSupplier nowNanos;
  private long limit = DEFAULT_LIMIT;
  private Actor running;
  private long calls;

  HandlerBudget(LongSupplier nowNanos) {
    this.nowNanos = nowNanos;
  }

  void limit(long callsPerHandler) {
    Check.argument(callsPerHandler > 0, "a handler needs a limit of at least one call: %d", callsPerHandler);
    this.limit = callsPerHandler;
  }

  /** A handler of {@code actor} starts (from the scheduler: never inside another handler). */
  void begin(Actor actor) {
    running = actor;
    calls = 0;
  }

  void end() {
    running = null;
  }

  /**
   * Runs {@code start}, a node's start, as a handler of {@code actor}; a start can happen inside
   * another handler (a node spawning an actor), whose count then goes on where it was.
   */
  void runNested(Actor actor, Runnable start) {
    Actor outer = running;
    long outerCalls = calls;
    begin(actor);
    try {
      start.run();
    } finally {
      running = outer;
      calls = outerCalls;
    }
  }

  /** One call of the running handler; calls from outside any handler (the harness's) are free. */
  void charge() {
    if (running != null && ++calls > limit) {
      throw new RunawayHandlerException(running.id(), calls, nowNanos.getAsLong());
    }
  }
}
