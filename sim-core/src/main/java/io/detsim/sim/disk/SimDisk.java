package io.detsim.sim.disk;

import io.detsim.sim.port.Disk;
import io.detsim.sim.port.DiskFile;
import io.detsim.sim.port.RandomSource;
import io.detsim.sim.random.Xoshiro256;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A node's simulated disk: flat named files in memory that outlive the node's crashes.
 *
 * <p><b>Model.</b> Each file has durable content and an ordered list of unsynced operations (write,
 * append, truncate) that reads already see. A {@link DiskFile#sync} covers the operations issued
 * before it and completes after a latency drawn from {@link DiskOptions}, on the node's handler
 * through the {@link SyncTimer} of the current incarnation; then they are durable and the callback
 * runs. Syncs of one file complete in the order they were issued. Creating a file (by {@link #open}),
 * {@link #rename} and {@link #delete} are atomic and durable at once: directory entries are not
 * where this model puts its faults.
 *
 * <p><b>Fault model.</b> {@link #crash()} loses every unsynced operation of every file, and every
 * pending sync with its callback. With {@link DiskOptions#tornWriteRatio()}, a file's crash instead
 * keeps a prefix of its unsynced operations, in the order they were issued, as an OS that had begun
 * writing back its page cache does, and the last write of that prefix only in part (a torn write):
 * never more bytes than were written and never other bytes. So a crash can keep complete records that
 * no sync covered, followed by a torn one, which is what a log's recovery meets on real disks. Synced
 * data survives a crash, with one exception that real disks share: a torn overwrite changes the
 * synced bytes it covers, so data that must survive is never rewritten in place (append-only files
 * such as logs never lose a synced byte). {@link #corrupt} is a separate disk fault: it flips bits of
 * one byte of durable content, and only checksums above the disk can notice. Recovery stays possible
 * because every fault either leaves a log's synced content followed by a prefix of what was written
 * after it, whose torn end a checksummed log can detect and cut, or is a corruption the caller asked
 * for explicitly.
 *
 * <p>Out of scope: lost directory entries, misdirected writes, latent sector errors on read,
 * unsynced writes that reach the disk out of their issue order, I/O errors.
 *
 * <p>Deterministic: files in a {@link TreeMap}, every random decision from the given stream, no
 * clock and no threads. Not thread-safe: a node's handlers run one at a time.
 *
 * <p>Public on purpose, unlike the rest of the kernel's machinery: storage code (a log, a snapshot
 * writer) is unit-tested against it alone, with a {@link SyncTimer} the test drives and
 * {@link #crash()} at any step, without a whole simulation around it (the engine's write-ahead log
 * tests do this).
 */
public final class SimDisk implements Disk {
  private final DiskOptions options;
  private final RandomSource random;
  private final TreeMap<String, SimDiskFile> files = new TreeMap<>();
  private SyncTimer timer;
  private long epoch;
  private long bytesWritten;
  private long syncs;
  private long crashes;
  private long tornWrites;
  private long corruptions;
  /** Moves whenever the durable content may change: see {@link #durableVersion}. */
  private long durableVersion;

  public SimDisk(DiskOptions options, RandomSource random) {
    this.options = Objects.requireNonNull(options, "options");
    this.random = Objects.requireNonNull(random, "random");
  }

  /** Called at every (re)start of the node: sync completions go through this incarnation's timers. */
  public void attach(SyncTimer timer) {
    this.timer = Objects.requireNonNull(timer, "timer");
  }

  public DiskOptions options() {
    return options;
  }

  @Override
  public DiskFile open(String name) {
    requireValidName(name);
    SimDiskFile file = files.get(name);
    if (file == null) {
      file = new SimDiskFile(this, name);
      files.put(name, file);
      durableVersion++; // created durably at once
    }
    return file;
  }

  @Override
  public boolean exists(String name) {
    return files.containsKey(name);
  }

  @Override
  public List<String> list() {
    return List.copyOf(files.keySet());
  }

  @Override
  public void delete(String name) {
    if (files.remove(name) != null) { // open handles keep the unlinked inode, as on POSIX
      durableVersion++;
    }
  }

  @Override
  public void rename(String source, String target) {
    requireValidName(target);
    SimDiskFile file = files.get(source);
    if (file == null) {
      throw new IllegalArgumentException("rename of a missing file: " + source);
    }
    if (source.equals(target)) {
      return;
    }
    files.remove(source);
    files.put(target, file); // replaces the old target in one step: no moment without either
    durableVersion++;
    file.rename(target);
  }

  /**
   * The node crashed: unsynced operations are lost, or a prefix of them kept with its last write torn
   * (see the class comment), pending syncs never complete, and sync needs a fresh {@link #attach}
   * from the restarted node.
   */
  public void crash() {
    epoch++;
    crashes++;
    durableVersion++;
    timer = null;
    for (SimDiskFile file : files.values()) {
      if (file.crash(random, options.tornWriteRatio())) {
        tornWrites++;
      }
    }
  }

  /**
   * A disk fault: flips one to eight bits of one byte, at a random offset of the durable content of
   * a random non-empty file, all drawn from {@code faultRandom}. Empty if no file has durable content.
   */
  public Optional<Corruption> corrupt(RandomSource faultRandom) {
    return corrupt(faultRandom, 0);
  }

  /**
   * {@link #corrupt(RandomSource)}, with the offset within the last {@code lastBytes} bytes of the
   * file's durable content (all of it when shorter), or anywhere when {@code lastBytes} is 0. The
   * same draws as the other form when 0, so that older schedules replay unchanged.
   */
  public Optional<Corruption> corrupt(RandomSource faultRandom, long lastBytes) {
    if (lastBytes < 0) {
      throw new IllegalArgumentException("lastBytes must not be negative: " + lastBytes);
    }
    List<Map.Entry<String, SimDiskFile>> candidates = new ArrayList<>();
    for (Map.Entry<String, SimDiskFile> entry : files.entrySet()) {
      if (entry.getValue().durableSize() > 0) {
        candidates.add(entry);
      }
    }
    if (candidates.isEmpty()) {
      return Optional.empty();
    }
    Map.Entry<String, SimDiskFile> chosen = candidates.get(faultRandom.nextInt(candidates.size()));
    long size = chosen.getValue().durableSize();
    long offset = lastBytes == 0 || lastBytes >= size ? faultRandom.nextLong(size)
        : size - 1 - faultRandom.nextLong(lastBytes);
    int mask = 1 + faultRandom.nextInt(255);
    chosen.getValue().corrupt(offset, mask);
    corruptions++;
    durableVersion++;
    return Optional.of(new Corruption(chosen.getKey(), offset, mask));
  }

  /**
   * What a crash now would leave, torn writes aside: a new disk with each file's durable content and
   * nothing pending, this disk untouched. For checks that ask what recovery would find if the node
   * crashed at this instant, without crashing it (a crash at the right instant is rare; the question
   * can be asked at every instant that matters). The copy cannot sync until a timer is attached.
   */
  public SimDisk durableImage() {
    // Its own fixed stream: the copy never crashes, and this disk's stream must not move.
    SimDisk image = new SimDisk(DiskOptions.none(), new Xoshiro256(0));
    for (Map.Entry<String, SimDiskFile> file : files.entrySet()) {
      image.files.put(file.getKey(), file.getValue().durableCopy(image));
    }
    return image;
  }

  /**
   * A number that changes whenever what {@link #durableImage} would copy may have changed (a sync
   * completed; a file created, deleted or renamed; a crash; a corruption), and never otherwise: a
   * check that learned something from an image can keep it while this stays put.
   */
  public long durableVersion() {
    return durableVersion;
  }

  public DiskStats stats() {
    return new DiskStats(bytesWritten, syncs, crashes, tornWrites, corruptions);
  }

  long epoch() {
    return epoch;
  }

  void requireAttached() {
    if (timer == null) {
      throw new IllegalStateException("sync on a disk with no SyncTimer: attach one at each node start");
    }
  }

  void schedule(long delayNanos, Runnable task) {
    timer.schedule(delayNanos, task);
  }

  long drawSyncLatencyNanos() {
    return random.nextLong(options.syncLatencyMinNanos(), options.syncLatencyMaxNanos());
  }

  void countBytesWritten(long count) {
    bytesWritten += count;
  }

  /** A sync completed: its file's pending operations are durable now. */
  void syncCompleted() {
    syncs++;
    durableVersion++;
  }

  private static void requireValidName(String name) {
    if (name == null || name.isEmpty() || name.indexOf('/') >= 0) {
      throw new IllegalArgumentException("a file name is flat and non-empty: '" + name + "'");
    }
  }
}
