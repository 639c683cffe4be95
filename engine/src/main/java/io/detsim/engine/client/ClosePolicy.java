package io.detsim.engine.client;

/**
 * When a {@link StreamingClient} closes its session. Every close asks the server to drain: what it
 * already admitted still becomes durable and is ACCEPTED before it reports the session CLOSED.
 */
public enum ClosePolicy {
  /** Never: the session stays open until the server expires it. */
  NEVER,
  /** Once every observation has its final outcome, when nothing is left in flight to drain. */
  WHEN_DONE,
  /**
   * Right after the last new observation is first sent, while earlier ones are still in flight, and
   * again when done if the client had to open another session since. The server drains the session
   * while the client waits for its answers; an observation that never reached the server is
   * refused as SESSION_CLOSED and goes to a new session, as after any close.
   */
  AFTER_LAST_SEND
}
