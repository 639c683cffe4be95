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
    TORN_TAIL_NOT_CUT
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
