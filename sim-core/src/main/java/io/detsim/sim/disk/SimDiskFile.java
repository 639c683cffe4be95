package io.detsim.sim.disk;

import io.detsim.sim.port.DiskFile;
import io.detsim.sim.port.RandomSource;
import io.detsim.sim.port.Ratio;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Objects;

/**
 * One simulated file (an inode): durable content, and the ordered unsynced operations on top of it.
 *
 * <p>Reads see {@code current}, which is always the durable content with every pending operation
 * applied. A sync covers the operations issued before it; syncs of one file complete one after the
 * other, as a device works through its flushes, so writes issued while a sync runs wait for the next
 * one. The handle follows the inode through {@link SimDisk#rename}, as a POSIX file descriptor does.
 */
final class SimDiskFile implements DiskFile {
  private final SimDisk disk;
  private String name;
  private final FileBytes durable = new FileBytes();
  private final FileBytes current = new FileBytes();
  private final ArrayDeque<PendingOp> pending = new ArrayDeque<>();
  private final ArrayDeque<SyncRequest> syncs = new ArrayDeque<>();
  private long nextSequence;

  /** A sync that makes durable every operation with a sequence number below {@code endSequence}. */
  private record SyncRequest(long endSequence, Runnable onDurable) {}

  SimDiskFile(SimDisk disk, String name) {
    this.disk = disk;
    this.name = name;
  }

  @Override
  public String name() {
    return name;
  }

  void rename(String newName) {
    name = newName;
  }

  @Override
  public long size() {
    return current.size();
  }

  @Override
  public long append(byte[] data) {
    long offset = current.size();
    write(offset, data);
    return offset;
  }

  @Override
  public void write(long offset, byte[] data) {
    Objects.requireNonNull(data, "data");
    if (offset < 0 || offset > current.size()) {
      throw new IllegalArgumentException(
          "write at " + offset + " of " + name + " (" + current.size() + " bytes) would leave a hole");
    }
    byte[] copy = Arrays.copyOf(data, data.length); // the caller may reuse its buffer
    issue(new PendingOp.Write(nextSequence, offset, copy));
    disk.countBytesWritten(copy.length);
  }

  @Override
  public void truncate(long size) {
    if (size < 0 || size > current.size()) {
      throw new IllegalArgumentException(
          "truncate " + name + " to " + size + " bytes: it has " + current.size());
    }
    issue(new PendingOp.Truncate(nextSequence, size));
  }

  private void issue(PendingOp op) {
    nextSequence++;
    pending.addLast(op);
    op.applyTo(current);
  }

  @Override
  public byte[] read(long offset, int length) {
    if (offset < 0 || length < 0) {
      throw new IllegalArgumentException("read " + length + " bytes at " + offset + " of " + name);
    }
    return current.read(offset, length);
  }

  @Override
  public void sync(Runnable onDurable) {
    Objects.requireNonNull(onDurable, "onDurable");
    disk.requireAttached();
    syncs.addLast(new SyncRequest(nextSequence, onDurable));
    if (syncs.size() == 1) {
      startFirstSync();
    }
  }

  private void startFirstSync() {
    long epoch = disk.epoch();
    disk.schedule(disk.drawSyncLatencyNanos(), () -> completeFirstSync(epoch));
  }

  /** Runs when the first queued sync's latency has passed, unless the node crashed meanwhile. */
  private void completeFirstSync(long epochAtStart) {
    if (epochAtStart != disk.epoch()) {
      return; // a crash came first: its timer should have vanished, and its writes with it
    }
    SyncRequest request = syncs.removeFirst();
    while (!pending.isEmpty() && pending.peekFirst().sequence() < request.endSequence()) {
      pending.removeFirst().applyTo(durable);
    }
    disk.syncCompleted();
    if (!syncs.isEmpty()) {
      startFirstSync();
    }
    request.onDurable().run();
  }

  /**
   * Loses every unsynced operation, unless {@code tornRatio} says the OS had begun writing them back:
   * then the first k of them, in the order they were issued, were under way: the first k - 1
   * reached the disk whole, and the k-th, if a write of two bytes or more, only in part (a strict
   * prefix, at least one byte: a torn write), else not at all. Writes reach the disk in issue order
   * in this model, so the bytes a crash leaves are always bytes that were written, with no hole.
   * Returns whether a write was torn.
   */
  boolean crash(RandomSource random, Ratio tornRatio) {
    boolean torn = false;
    if (!pending.isEmpty() && random.chance(tornRatio)) {
      int reached = 1 + random.nextInt(pending.size());
      for (int i = 1; i < reached; i++) {
        pending.removeFirst().applyTo(durable);
      }
      if (pending.peekFirst() instanceof PendingOp.Write write && write.data().length >= 2) {
        durable.write(write.offset(), write.data(), 1 + random.nextInt(write.data().length - 1));
        torn = true;
      }
    }
    pending.clear();
    syncs.clear();
    current.copyFrom(durable);
    return torn;
  }

  long durableSize() {
    return durable.size();
  }

  /** A file of {@code disk} holding this file's durable content and nothing pending: what a crash now leaves. */
  SimDiskFile durableCopy(SimDisk disk) {
    SimDiskFile copy = new SimDiskFile(disk, name);
    copy.durable.copyFrom(durable);
    copy.current.copyFrom(durable);
    return copy;
  }

  /** Flips the bits of {@code mask} in one durable byte; reads see it unless a pending write covers it. */
  void corrupt(long offset, int mask) {
    durable.flip(offset, mask);
    current.copyFrom(durable);
    for (PendingOp op : pending) {
      op.applyTo(current);
    }
  }
}
