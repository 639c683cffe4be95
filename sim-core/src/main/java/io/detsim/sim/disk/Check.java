package io.detsim.sim.disk;

/** Invariant checks that are always on (Java's {@code assert} is off without {@code -ea}). */
final class Check {
  private Check() {}

  /** Throws {@link AssertionError}: a failed check is a bug in the simulator, not a fault. */
  static void that(boolean condition, String format, Object... args) {
    if (!condition) {
      throw new AssertionError(String.format(java.util.Locale.ROOT, format, args));
    }
  }
}
