package io.detsim.sim.fault;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The {@code occurrence}-th announcement of the named transition point {@code point} (see
 * {@link io.detsim.sim.port.NodeContext#point}): what an aimed fault's time counts from. Occurrences
 * count from 1 over the whole run, across every node that announces the point.
 */
public record Anchor(String point, int occurrence) {
  /** Point names: lower-case words joined by {@code -}, as {@code compaction-start}. */
  public static final Pattern POINT_NAME = Pattern.compile("[a-z][a-z0-9]*(-[a-z0-9]+)*");

  public Anchor {
    checkPointName(point);
    if (occurrence < 1) {
      throw new IllegalArgumentException("occurrences count from 1: " + occurrence);
    }
  }

  /**
   * Refuses a name that is not a point name, as an anchor does: for a caller that takes point names
   * before it makes any anchor (a generator told which points to aim at).
   *
   * @throws IllegalArgumentException saying what a point name is
   */
  public static void checkPointName(String point) {
    Objects.requireNonNull(point, "point");
    if (!POINT_NAME.matcher(point).matches()) {
      throw new IllegalArgumentException(
          "a point name is lower-case words joined by '-', like compaction-start: '" + point + "'");
    }
  }

  /** {@code compaction-start@2}: the form the schedule's text uses. */
  @Override
  public String toString() {
    return point + "@" + occurrence;
  }
}
