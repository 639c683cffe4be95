package io.detsim.engine.session;

/**
 * Always-on checks for bugs (Java's {@code assert} is off without {@code -ea}). A violated check is
 * a bug in the caller, never a client's mistake: client input gets a decision, not an exception.
 */
final class Check {
  private Check() {}

  static void that(boolean condition, String message, Object... arguments) {
    if (!condition) {
      throw new AssertionError(String.format(java.util.Locale.ROOT, message, arguments));
    }
  }
}
