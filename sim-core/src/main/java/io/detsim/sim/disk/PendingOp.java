package io.detsim.sim.disk;

/**
 * A change to a file that is visible to reads but not yet durable. Each carries the sequence number
 * it was issued with, so that a sync knows which operations it covers.
 */
sealed interface PendingOp {

  long sequence();

  void applyTo(FileBytes target);

  /** Bytes at {@code offset}: what write and append leave behind. */
  record Write(long sequence, long offset, byte[] data) implements PendingOp {
    @Override
    public void applyTo(FileBytes target) {
      target.write(offset, data, data.length);
    }
  }

  /** A cut to {@code size} bytes. */
  record Truncate(long sequence, long size) implements PendingOp {
    @Override
    public void applyTo(FileBytes target) {
      target.truncate(size);
    }
  }
}
