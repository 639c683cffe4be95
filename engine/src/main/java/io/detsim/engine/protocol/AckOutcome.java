package io.detsim.engine.protocol;

/** What an {@link Ack} tells the client about one observation. */
public enum AckOutcome {
  /** Durable: its write-ahead-log record is synced. Never sent earlier than that. */
  ACCEPTED,
  /** Visible to recall: it is in its space's index. */
  INDEXED,
  /** Refused, with a {@link RejectReason}; the client may retry or not (see the reason). */
  REJECTED
}
