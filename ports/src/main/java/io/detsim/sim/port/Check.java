package io.detsim.sim.port;

/**
 * Always-on checks for bugs (Java's {@code assert} is off unless {@code -ea}).
 *
 * <p>A violated check is a bug in detsim or in the system under test and throws
 * {@link AssertionError}; a simulated fault is never a bug and never reaches here. The message is
 * a format string so that the happy path builds no string.
 */
public final class Check {
  private Check() {}

  public static void that(boolean condition, String format, Object... args) {
    if (!condition) {
      throw new AssertionError(String.format(java.util.Locale.ROOT, format, args));
    }
  }

  /** For preconditions on arguments: throws {@link IllegalArgumentException}. */
  public static void argument(boolean condition, String format, Object... args) {
    if (!condition) {
      throw new IllegalArgumentException(String.format(java.util.Locale.ROOT, format, args));
    }
  }

  /** For calls made in the wrong state: throws {@link IllegalStateException}. */
  public static void state(boolean condition, String format, Object... args) {
    if (!condition) {
      throw new IllegalStateException(String.format(java.util.Locale.ROOT, format, args));
    }
  }
}
