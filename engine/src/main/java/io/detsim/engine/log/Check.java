package io.detsim.engine.log;

import java.util.Locale;

/** Invariant checks that are always on (Java's {@code assert} is off without {@code -ea}). */
final class Check {
  private Check() {}

  /** Throws {@link AssertionError}: a failed check is a bug in the log, not a disk fault. */
  static void that(boolean condition, String format, Object... args) {
    if (!condition) {
      throw new AssertionError(String.format(Locale.ROOT, format, args));
    }
  }
}
