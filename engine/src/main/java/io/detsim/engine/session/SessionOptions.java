package io.detsim.engine.session;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;

/**
 * Settings of a {@link SessionTable}.
 *
 * @param idleTimeoutNanos how long, by the server's own clock, a session may go without a client
 *     message before it expires (300 s by default, as in the original design)
 * @param mutants deliberate bugs to switch on; empty by default
 */
public record SessionOptions(long idleTimeoutNanos, Set<SessionMutant> mutants) {
  public static final long IDLE_TIMEOUT_DEFAULT_NANOS = 300_000_000_000L;

  public SessionOptions {
    if (idleTimeoutNanos <= 0) {
      throw new IllegalArgumentException("idle timeout must be positive: " + idleTimeoutNanos);
    }
    EnumSet<SessionMutant> copy = EnumSet.noneOf(SessionMutant.class);
    copy.addAll(mutants);
    mutants = Collections.unmodifiableSet(copy);
  }

  /** 300 s idle timeout, no mutant. */
  public static SessionOptions defaults() {
    return new SessionOptions(IDLE_TIMEOUT_DEFAULT_NANOS, EnumSet.noneOf(SessionMutant.class));
  }

  public SessionOptions withIdleTimeoutNanos(long timeoutNanos) {
    return new SessionOptions(timeoutNanos, mutants);
  }

  public SessionOptions withMutant(SessionMutant mutant) {
    EnumSet<SessionMutant> more = EnumSet.of(mutant);
    more.addAll(mutants);
    return new SessionOptions(idleTimeoutNanos, more);
  }

  public boolean has(SessionMutant mutant) {
    return mutants.contains(mutant);
  }
}
