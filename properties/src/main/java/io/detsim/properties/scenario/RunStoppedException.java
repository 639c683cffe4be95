package io.detsim.properties.scenario;

import io.detsim.sim.fault.Durations;

/**
 * A run stopped before its verdict, by {@link RunSettings#checkContinue}: its caller cancelled it
 * (a deadline, a SIGTERM), or its virtual clock passed the settings' bound. Not a failure of the
 * system under test: a scenario must let it through rather than report it as a crash, and a
 * campaign does not count the run (it runs again on {@code --resume}).
 */
public final class RunStoppedException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** Why the run stopped. */
  public enum Reason { CANCELLED, PAST_TIME_BOUND }

  private final Reason reason;

  public RunStoppedException(Reason reason, long simulatedNanos, long maxSimulatedNanos) {
    super(reason == Reason.CANCELLED ? "run cancelled at " + Durations.format(simulatedNanos) + " of virtual time"
        : "the run passed its simulated-time bound of " + Durations.format(maxSimulatedNanos) + " (at "
            + Durations.format(simulatedNanos) + "); raise it with --max-simulated-time");
    this.reason = reason;
  }

  public Reason reason() {
    return reason;
  }
}
