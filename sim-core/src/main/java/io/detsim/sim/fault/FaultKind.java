package io.detsim.sim.fault;

import java.util.Optional;

/**
 * The kinds of fault a run can have, for swarm testing (which kinds a seed enables) and for
 * coverage statistics (which kinds a campaign actually exercised). A kind covers a fault and its
 * inverse; the options-only kinds ({@link #BUGGIFY}, {@link #SHUFFLE_TIES}) have no schedule entry.
 */
public enum FaultKind {
  CRASH,
  PAUSE,
  KILL,
  PARTITION,
  CLOG,
  DELAY,
  LOSS,
  DUPLICATE,
  REORDER,
  CLOCK_SKEW,
  DISK,
  BURST,
  BUGGIFY,
  SHUFFLE_TIES;

  /** The kind of a scheduled fault; empty for {@link Fault.HealAll}, which ends faults of every kind. */
  public static Optional<FaultKind> of(Fault fault) {
    FaultKind kind = null;
    if (fault instanceof Fault.Crash || fault instanceof Fault.Restart) {
      kind = CRASH;
    } else if (fault instanceof Fault.Pause) {
      kind = PAUSE;
    } else if (fault instanceof Fault.Kill) {
      kind = KILL;
    } else if (fault instanceof Fault.Partition || fault instanceof Fault.Heal) {
      kind = PARTITION;
    } else if (fault instanceof Fault.Clog || fault instanceof Fault.Unclog) {
      kind = CLOG;
    } else if (fault instanceof Fault.Delay) {
      kind = DELAY;
    } else if (fault instanceof Fault.Loss) {
      kind = LOSS;
    } else if (fault instanceof Fault.Duplicate) {
      kind = DUPLICATE;
    } else if (fault instanceof Fault.Reorder) {
      kind = REORDER;
    } else if (fault instanceof Fault.ClockOffset || fault instanceof Fault.ClockJump || fault instanceof Fault.ClockDrift) {
      kind = CLOCK_SKEW;
    } else if (fault instanceof Fault.CorruptDisk) {
      kind = DISK;
    } else if (fault instanceof Fault.Burst) {
      kind = BURST;
    }
    return Optional.ofNullable(kind);
  }
}
