package io.detsim.engine.queue;

import io.detsim.sim.port.Check;
import io.detsim.engine.protocol.RejectReason;
import java.util.Objects;
import java.util.Optional;

/**
 * The answer to {@link ObservationQueue#offer}: admitted, or refused with a reason and a
 * retry-after. Never a silent drop.
 *
 * @param retryAfterNanos for a refusal, when to try again; 0 when admitted
 * @param state the queue's pressure state after the offer
 * @param stateChanged true when the offer moved the pressure state (the server sends Status then)
 */
public record Admission(Outcome outcome, long retryAfterNanos, PressureState state, boolean stateChanged) {

  /** What happened to the offered item. */
  public enum Outcome {
    ADMITTED,
    /** The item's lane was full. */
    LANE_FULL,
    /** The queue as a whole was OVERLOADED (pressure at least 0.95). */
    OVERLOADED
  }

  public Admission {
    Objects.requireNonNull(outcome, "outcome");
    Objects.requireNonNull(state, "state");
    Check.that((outcome == Outcome.ADMITTED) == (retryAfterNanos == 0), "retry-after %d with %s", retryAfterNanos,
        outcome);
  }

  public boolean isAdmitted() {
    return outcome == Outcome.ADMITTED;
  }

  /** OVER_CAPACITY for either refusal; empty when admitted. */
  public Optional<RejectReason> rejectReason() {
    return isAdmitted() ? Optional.empty() : Optional.of(RejectReason.OVER_CAPACITY);
  }
}
