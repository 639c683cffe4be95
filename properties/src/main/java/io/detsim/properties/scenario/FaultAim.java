package io.detsim.properties.scenario;

import io.detsim.properties.core.ChoiceSource;
import io.detsim.sim.fault.Anchor;
import io.detsim.sim.fault.FaultKind;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Where a generated fault strikes: at a uniform whole millisecond of the fault window, or aimed at
 * a transition point ({@link io.detsim.sim.port.NodeContext#point}). Uniform instants almost never
 * land in the few milliseconds of a transition, where crash bugs hide; an aimed fault strikes 0 to
 * {@value #OFFSET_MAX_MS} ms after one of the first {@value #OCCURRENCES} occurrences of a drawn
 * point. The engine's input generator and {@link FaultScheduleGen} draw these same choices, so a
 * user's system is aimed exactly as the engine is.
 */
public final class FaultAim {
  /** An aimed fault strikes at one of the first few occurrences of its point... */
  public static final int OCCURRENCES = 4;
  /** ...and at most this many milliseconds after it: inside the transition's window. */
  public static final long OFFSET_MAX_MS = 5;
  private static final long MS = 1_000_000L;
  /** The faults that hit a node's own work, the only ones aimed: a network fault has no transition to hit. */
  private static final Set<FaultKind> AIMABLE = EnumSet.of(FaultKind.CRASH, FaultKind.DISK, FaultKind.PAUSE,
      FaultKind.KILL);

  private FaultAim() {}

  /** Whether faults of {@code kind} may be aimed: crash, disk, pause and kill. */
  public static boolean aimable(FaultKind kind) {
    return AIMABLE.contains(kind);
  }

  /**
   * Where a fault of {@code kind} is anchored: nowhere (the first choice, so shrinking moves toward
   * absolute times), or the k-th occurrence of one of {@code points}. Draws nothing when the kind is
   * not {@linkplain #aimable aimable} or there are no points (so such inputs are what they were
   * before aiming existed), else one choice, or three when aimed.
   */
  public static Optional<Anchor> draw(ChoiceSource source, FaultKind kind, List<String> points) {
    if (!aimable(kind) || points.isEmpty() || source.choose(0, 1) == 0) {
      return Optional.empty();
    }
    String point = points.get((int) source.choose(0, points.size() - 1));
    return Optional.of(new Anchor(point, 1 + (int) source.choose(0, OCCURRENCES - 1)));
  }

  /**
   * The fault's instant: its offset after {@code aim} when aimed, else a whole millisecond of
   * {@code [0, windowNanos)}.
   */
  public static long at(Optional<Anchor> aim, long windowNanos, ChoiceSource source) {
    return aim.isPresent() ? source.choose(0, OFFSET_MAX_MS) * MS : source.choose(0, windowNanos / MS - 1) * MS;
  }
}
