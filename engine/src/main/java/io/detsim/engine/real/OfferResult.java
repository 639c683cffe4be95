package io.detsim.engine.real;

import io.detsim.engine.protocol.RejectReason;

/**
 * The final answer to one {@link EmbeddedEngine#offer}: ACCEPTED (durable: it survives a crash) or
 * REJECTED with a reason; never silence.
 *
 * @param memoryId the episode's id: the one given, or the one the engine made up
 * @param accepted true for ACCEPTED
 * @param reason why it was refused; null when accepted
 * @param retryAfterNanos for OVER_CAPACITY, how long the server asks the caller to wait; else 0 (STORE_FULL
 *     has none: retrying cannot succeed until the budget is raised)
 * @param latencyNanos from the offer call to this answer, on the runtime's monotonic clock
 */
public record OfferResult(String memoryId, boolean accepted, RejectReason reason, long retryAfterNanos,
    long latencyNanos) {

  static OfferResult accepted(String memoryId, long latencyNanos) {
    return new OfferResult(memoryId, true, null, 0, latencyNanos);
  }

  static OfferResult rejected(String memoryId, RejectReason reason, long retryAfterNanos, long latencyNanos) {
    return new OfferResult(memoryId, false, reason, retryAfterNanos, latencyNanos);
  }
}
