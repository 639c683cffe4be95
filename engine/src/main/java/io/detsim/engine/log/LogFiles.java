package io.detsim.engine.log;

import io.detsim.sim.port.Check;
import java.util.OptionalLong;

/**
 * The names of the log's files. The generation is in every name, zero-padded so that a sorted
 * listing is in generation order for a person reading it; the code parses it and does not rely on
 * that.
 *
 * <ul>
 *   <li>{@code wal-<generation>.log}: a log segment;
 *   <li>{@code wal.snapshot}: the installed snapshot (its generation is in its header);
 *   <li>{@code wal-<generation>.snapshot.tmp}: a snapshot being written, not yet installed.
 * </ul>
 */
final class LogFiles {
  static final String SNAPSHOT = "wal.snapshot";
  private static final String PREFIX = "wal-";
  private static final String SEGMENT_SUFFIX = ".log";
  private static final String TEMP_SUFFIX = ".snapshot.tmp";
  private static final int DIGITS = 19; // Long.MAX_VALUE has 19 digits

  private LogFiles() {}

  static String segment(long generation) {
    return PREFIX + pad(generation) + SEGMENT_SUFFIX;
  }

  static String snapshotTemp(long generation) {
    return PREFIX + pad(generation) + TEMP_SUFFIX;
  }

  static OptionalLong segmentGeneration(String name) {
    return generation(name, SEGMENT_SUFFIX);
  }

  static OptionalLong snapshotTempGeneration(String name) {
    return generation(name, TEMP_SUFFIX);
  }

  private static OptionalLong generation(String name, String suffix) {
    if (!name.startsWith(PREFIX) || !name.endsWith(suffix)) {
      return OptionalLong.empty();
    }
    String digits = name.substring(PREFIX.length(), name.length() - suffix.length());
    if (digits.length() != DIGITS || !digits.chars().allMatch(c -> c >= '0' && c <= '9')) {
      return OptionalLong.empty();
    }
    return OptionalLong.of(Long.parseLong(digits));
  }

  private static String pad(long generation) {
    Check.that(generation >= 0, "negative generation %d", generation);
    String digits = Long.toString(generation);
    return "0".repeat(DIGITS - digits.length()) + digits;
  }
}
