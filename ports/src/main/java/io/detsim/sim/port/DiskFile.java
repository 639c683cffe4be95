package io.detsim.sim.port;

/**
 * One file on a node's disk.
 *
 * <p>Writes land in a cache at once and are visible to reads at once; they become durable only
 * when a {@link #sync} that started after them completes. Between the two a crash may lose them, or
 * leave the last one torn. Offsets and sizes are in bytes.
 */
public interface DiskFile {

  String name();

  /** Current size, unsynced writes included. */
  long size();

  /** Appends at the end; returns the offset the data starts at. */
  long append(byte[] data);

  /** Writes at an offset at or below {@link #size()}, extending the file if it runs past the end. */
  void write(long offset, byte[] data);

  /** Cuts the file to {@code size} bytes (durable once synced, like a write). */
  void truncate(long size);

  /**
   * Reads up to {@code length} bytes from {@code offset}; fewer at the end of the file. What comes
   * back may be corrupt if a disk fault struck: callers that care keep checksums.
   */
  byte[] read(long offset, int length);

  /**
   * Makes every write issued so far durable, then calls {@code onDurable} on this node's handler
   * thread. A sync takes time; writes issued while it runs wait for the next one, which is what
   * makes group commit pay. If the node crashes first, the callback never runs and the writes may
   * be lost.
   */
  void sync(Runnable onDurable);
}
