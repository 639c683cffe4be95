package io.detsim.engine.log;

import java.util.Objects;

/**
 * Options of a write-ahead log. The defaults ({@link #none()}) are the correct log.
 *
 * @param mutant a deliberate bug, for checking that detsim's properties catch it; {@link
 *     Mutant#NONE} in every real use
 * @param snapshotChunkBytes 0 to write a snapshot whole, in one write, as simulation does (the
 *     simulated disk's fault model, which tears pending writes, then sees one write, as it always
 *     has, and the traces stay the same); above 0 to stream it to the file in chunks of that size
 *     ({@link SnapshotStream}), as the real runtime does: the file's bytes are the same either way
 */
public record WalOptions(Mutant mutant, int snapshotChunkBytes) {

  /** Deliberate bugs the framework's self-test switches on, one at a time. */
  public enum Mutant {
    NONE,
    /**
     * Recovery reports a bad tail but does not truncate it: later appends land after the garbage, are
     * acknowledged once synced, and the next recovery stops at the garbage and loses them.
     */
    TORN_TAIL_NOT_CUT,
    /**
     * Compaction deletes the old segments as soon as it has rolled, before its snapshot is synced
     * and installed: a crash in between finds neither the old records nor a snapshot of them.
     */
    COMPACTION_DELETES_EARLY,
    /**
     * Compaction renames its snapshot into place (and deletes the old segments) as soon as it is
     * written, without waiting for its sync: a crash before the sync leaves a torn snapshot.
     */
    SNAPSHOT_INSTALLED_BEFORE_SYNC,
    /**
     * A group-commit round, when its sync completes, declares durable everything appended so far,
     * not only what was appended before the sync started: records appended during the round are
     * acknowledged before any sync covers them, and a crash before the next round loses them.
     */
    GROUP_COMMIT_COVERS_LATE_APPENDS,
    /**
     * Recovery finishes an interrupted compaction (installs its snapshot and deletes the segments it
     * replaces) instead of discarding it, without checking that the snapshot was ever synced.
     */
    RECOVERY_ROLLS_FORWARD
  }

  public WalOptions {
    Objects.requireNonNull(mutant, "mutant");
    if (snapshotChunkBytes < 0) {
      throw new IllegalArgumentException("snapshot chunk must be 0 (whole) or positive: " + snapshotChunkBytes);
    }
  }

  /** Snapshots written whole. */
  public WalOptions(Mutant mutant) {
    this(mutant, 0);
  }

  public static WalOptions none() {
    return new WalOptions(Mutant.NONE);
  }

  public WalOptions withMutant(Mutant value) {
    return new WalOptions(value, snapshotChunkBytes);
  }

  public WalOptions withSnapshotChunkBytes(int bytes) {
    return new WalOptions(mutant, bytes);
  }

  boolean cutsBadTail() {
    return mutant != Mutant.TORN_TAIL_NOT_CUT;
  }
}
