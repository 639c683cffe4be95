package io.detsim.engine.protocol;

/** Why an observation (or a request) was refused. Every refusal names one: there is no silent drop. */
public enum RejectReason {
  /** Queue overloaded or lane full; the ack carries a retry-after. */
  OVER_CAPACITY,
  /** The sequence number is above the next expected one; the ack carries the expected number. */
  SEQUENCE_GAP,
  /** The content failed validation (space id, embedding, confidence, sizes, sequence below 1). */
  INVALID_INPUT,
  /** The client paused the session; it must resume before sending. */
  SESSION_PAUSED,
  /** No such session (never opened, or forgotten after it closed). */
  SESSION_UNKNOWN,
  /** The session expired while idle; resend from the expected number to resume it. */
  SESSION_EXPIRED,
  /** The session is closed or closing: it takes no new observations. */
  SESSION_CLOSED,
  /** The server is stopping. */
  SHUTTING_DOWN,
  /**
   * The store is full: the engine holds as many observations as its held-data budget allows
   * ({@code EngineOptions.heldObservationsMax}) and never evicts an acknowledged one. No retry-after:
   * retrying cannot succeed until an operator raises the budget (a restart with more heap). Final for
   * this observation; recall goes on. Redis's {@code maxmemory} with {@code noeviction} answers the same.
   */
  STORE_FULL
}
