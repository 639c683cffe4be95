package io.detsim.engine.session;

/**
 * Settings of a {@link SessionTable}.
 *
 * @param idleTimeoutNanos how long, by the server's own clock, a session may go without a client
 *     message before it expires (300 s by default, as in the original design)
 * @param closedRetentionNanos how long a closed session is remembered after its last client message
 *     before it is forgotten (300 s by default). The client may still be retrying an observation
 *     whose ACCEPTED was lost; while the session is remembered the retry is answered as a duplicate,
 *     but once forgotten it is answered SESSION_UNKNOWN and the client, which cannot tell it was
 *     stored, sends it again in a new session where it is stored twice. This is TCP's TIME-WAIT, and
 *     for the same reason it is kept apart from the idle timeout: a short idle timeout (BUGGIFY's)
 *     must expire live sessions early without making closed ones forget their answers.
 */
public record SessionOptions(long idleTimeoutNanos, long closedRetentionNanos) {
  public static final long IDLE_TIMEOUT_DEFAULT_NANOS = 300_000_000_000L;
  public static final long CLOSED_RETENTION_DEFAULT_NANOS = 300_000_000_000L;

  public SessionOptions {
    if (idleTimeoutNanos <= 0) {
      throw new IllegalArgumentException("idle timeout must be positive: " + idleTimeoutNanos);
    }
    if (closedRetentionNanos <= 0) {
      throw new IllegalArgumentException("closed retention must be positive: " + closedRetentionNanos);
    }
  }

  /** 300 s idle timeout, and closed sessions remembered for 300 s. */
  public static SessionOptions defaults() {
    return new SessionOptions(IDLE_TIMEOUT_DEFAULT_NANOS, CLOSED_RETENTION_DEFAULT_NANOS);
  }

  /** Another idle timeout; how long closed sessions are remembered stays as it was. */
  public SessionOptions withIdleTimeoutNanos(long timeoutNanos) {
    return new SessionOptions(timeoutNanos, closedRetentionNanos);
  }

  public SessionOptions withClosedRetentionNanos(long retentionNanos) {
    return new SessionOptions(idleTimeoutNanos, retentionNanos);
  }
}
