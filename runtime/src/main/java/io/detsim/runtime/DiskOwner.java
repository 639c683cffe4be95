package io.detsim.runtime;

/** Where a {@link RealDisk} sends what it finishes: sync callbacks, and failures it cannot hide. */
interface DiskOwner {

  /**
   * Binds a sync callback to the owner's current life: the returned runnable, run on the sync
   * thread once the data is durable, hands {@code onDurable} to the owner's handler thread, or drops
   * it if that life has ended meanwhile.
   */
  Runnable whenDurable(Runnable onDurable);

  /** An I/O error: the disk cannot keep its promise, so the owner must stop (fail-stop). */
  void diskFailed(Throwable error);
}
