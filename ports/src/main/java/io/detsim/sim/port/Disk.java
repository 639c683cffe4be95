package io.detsim.sim.port;

import java.util.List;

/**
 * A node's disk: named files that outlive the node's crashes.
 *
 * <p>What survives a crash is what was synced (see {@link DiskFile#sync}); the simulated disk states
 * its full fault model in its class comment. Names are flat ({@code wal.log}, {@code snapshot-3}).
 */
public interface Disk {

  /** The file of that name, created empty if it does not exist. */
  DiskFile open(String name);

  boolean exists(String name);

  /** Names of all files, in sorted order. */
  List<String> list();

  /** Removes a file; durable at once. Removing a missing file does nothing. */
  void delete(String name);

  /**
   * Atomically replaces {@code target} with {@code source} (POSIX rename): after a crash either the
   * old target or the complete source is there under the target's name, never a mix. Durable at
   * once. Sync the source first: rename does not make its unsynced writes durable.
   */
  void rename(String source, String target);
}
