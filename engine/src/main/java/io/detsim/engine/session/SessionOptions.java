package io.detsim.engine.session;

/**
 * Settings of a {@link SessionTable}.
 *
 * @param idleTimeoutNanos how long, by the server's own clock, a session may go without a client
 *     message before it expires (300 s by default, as in the original design)
 */
public record SessionOptions(long idleTimeoutNanos) {
  public static final long IDLE_TIMEOUT_DEFAULT_NANOS = 300_000_000_000L;

  public SessionOptions {
    if (idleTimeoutNanos <= 0) {
      throw new IllegalArgumentException("idle timeout must be positive: " + idleTimeoutNanos);
    }
  }

  /** 300 s idle timeout. */
  public static SessionOptions defaults() {
    return new SessionOptions(IDLE_TIMEOUT_DEFAULT_NANOS);
  }

  public SessionOptions withIdleTimeoutNanos(long timeoutNanos) {
    return new SessionOptions(timeoutNanos);
  }
}
