package io.detsim.engine.log;

/**
 * Options of a write-ahead log. The defaults ({@link #none()}) write snapshots whole.
 *
 * @param snapshotChunkBytes 0 to write a snapshot whole, in one write, as simulation does (the
 *     simulated disk's fault model, which tears pending writes, then sees one write, as it always
 *     has, and the traces stay the same); above 0 to stream it to the file in chunks of that size
 *     ({@link SnapshotStream}), as the real runtime does: the file's bytes are the same either way
 */
public record WalOptions(int snapshotChunkBytes) {

  public WalOptions {
    if (snapshotChunkBytes < 0) {
      throw new IllegalArgumentException("snapshot chunk must be 0 (whole) or positive: " + snapshotChunkBytes);
    }
  }

  public static WalOptions none() {
    return new WalOptions(0);
  }

  public WalOptions withSnapshotChunkBytes(int bytes) {
    return new WalOptions(bytes);
  }
}
