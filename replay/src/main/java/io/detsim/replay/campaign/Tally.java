package io.detsim.replay.campaign;

import java.util.Collections;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * How far a campaign got: every ordinal below {@code nextOrdinal} has run, and the counts cover
 * exactly those. Seeds that finished beyond a gap (a slower thread still ran an earlier one when the
 * campaign stopped) are not counted: a resume runs them again, so nothing is counted twice.
 *
 * @param nextOrdinal the first ordinal not yet run
 * @param discarded seeds from which no input could be generated
 * @param failures failing seeds
 * @param simulatedNanos virtual time all counted runs covered
 * @param digestSum the sum of the counted runs' digests, modulo 2^64: the same whatever order seeds ran in,
 *     so shards' sums add up to the whole campaign's, and two machines can tell they ran the same runs
 * @param wallNanos real time the campaign has spent, over all its sessions
 * @param failuresByKind failing seeds per kind of violation
 * @param firstFailures the first failure of each kind, in ordinal order
 * @param written the failures shrunk and saved so far
 */
public record Tally(long nextOrdinal, long discarded, long failures, long simulatedNanos, long digestSum,
    long wallNanos,
    SortedMap<String, Long> failuresByKind, List<FoundFailure> firstFailures, List<WrittenFailure> written) {

  public Tally {
    failuresByKind = Collections.unmodifiableSortedMap(new TreeMap<>(failuresByKind));
    firstFailures = List.copyOf(firstFailures);
    written = List.copyOf(written);
    if (nextOrdinal < 0 || discarded < 0 || failures < 0 || simulatedNanos < 0 || wallNanos < 0) {
      throw new IllegalArgumentException("a tally's counts cannot be negative");
    }
  }

  /** A campaign that has not run a seed. */
  public static Tally empty() {
    return new Tally(0, 0, 0, 0, 0, 0, new TreeMap<>(), List.of(), List.of());
  }

  /** Seeds run, discarded ones included: the shard's ordinals {@code 0 .. nextOrdinal - 1}. */
  public long seeds() {
    return nextOrdinal;
  }

  /** Simulated seconds per wall second; 0 before any time passed. */
  public double speedup() {
    return wallNanos == 0 ? 0 : (double) simulatedNanos / wallNanos;
  }
}
