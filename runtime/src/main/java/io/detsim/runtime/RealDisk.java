package io.detsim.runtime;

import io.detsim.sim.port.Disk;
import io.detsim.sim.port.DiskFile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A node's disk in production: a folder of flat files, one {@link RealDiskFile} handle per name.
 *
 * <p><b>Durability, as the {@link Disk} port promises it.</b> Data is durable once a sync that
 * started after the write completes: {@code FileChannel.force} (fdatasync) run by the disk's
 * {@link GroupSync} thread, which batches concurrent requests into one force per file. Creating a
 * file, {@link #delete} and {@link #rename} are durable at once: each is followed by an fsync of
 * the folder, and rename is {@code ATOMIC_MOVE} (POSIX rename), so a crash leaves the old target or
 * the complete source under the target's name, never a mix. Where the platform cannot fsync a
 * folder (some non-POSIX file systems), that step is skipped: the rename stays atomic but may be
 * lost by a power failure.
 *
 * <p>Out of scope: a device that lies about flushes, and running two processes on one folder.
 */
final class RealDisk implements Disk {
  private static final Pattern VALID_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]*");

  private final Path directory;
  private final GroupSync syncer;
  private final ConcurrentSkipListMap<String, RealDiskFile> files = new ConcurrentSkipListMap<>();
  private long retiredBytesWritten; // guarded by this: what files deleted or replaced had written

  RealDisk(Path directory, String name, DiskOwner owner, Forcer forcer) {
    this.directory = directory;
    try {
      Files.createDirectories(directory);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create " + directory, e);
    }
    this.syncer = new GroupSync(name, owner, forcer);
  }

  Path directory() {
    return directory;
  }

  @Override
  public synchronized DiskFile open(String name) {
    requireValidName(name);
    RealDiskFile file = files.get(name);
    if (file == null) {
      boolean created = !Files.exists(directory.resolve(name));
      file = new RealDiskFile(syncer, directory.resolve(name), name);
      files.put(name, file);
      if (created) {
        syncDirectory();
      }
    }
    return file;
  }

  @Override
  public boolean exists(String name) {
    return files.containsKey(name) || Files.exists(directory.resolve(name));
  }

  @Override
  public List<String> list() {
    try (Stream<Path> paths = Files.list(directory)) {
      return paths.filter(Files::isRegularFile).map(path -> path.getFileName().toString())
          .filter(name -> VALID_NAME.matcher(name).matches()).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list " + directory, e);
    }
  }

  @Override
  public synchronized void delete(String name) {
    RealDiskFile file = files.remove(name);
    if (file != null) {
      retire(file);
    }
    try {
      if (Files.deleteIfExists(directory.resolve(name))) {
        syncDirectory();
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot delete " + name, e);
    }
  }

  @Override
  public synchronized void rename(String source, String target) {
    requireValidName(target);
    if (!exists(source)) {
      throw new IllegalArgumentException("rename of a missing file: " + source);
    }
    if (source.equals(target)) {
      return;
    }
    try {
      Files.move(directory.resolve(source), directory.resolve(target), StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot rename " + source + " to " + target, e);
    }
    syncDirectory();
    RealDiskFile replaced = files.remove(target);
    if (replaced != null) {
      retire(replaced);
    }
    RealDiskFile moved = files.remove(source);
    if (moved != null) {
      moved.renamed(target);
      files.put(target, moved);
    }
  }

  RealDiskStats stats() {
    long bytes = 0;
    synchronized (this) {
      for (RealDiskFile file : files.values()) {
        bytes += file.bytesWritten();
      }
      bytes += retiredBytesWritten;
    }
    return new RealDiskStats(syncer.requests(), syncer.rounds(), syncer.forces(), bytes);
  }

  /** Stops the sync thread (pending callbacks never run) and closes every file. */
  synchronized void close() throws InterruptedException {
    syncer.close();
    for (RealDiskFile file : files.values()) {
      file.close();
    }
  }

  /** The handle is gone from the folder: close it so that compaction does not leak descriptors. */
  private void retire(RealDiskFile file) {
    file.close();
    retiredBytesWritten += file.bytesWritten();
  }

  /** Makes a create, delete or rename durable: fsync of the folder, where the platform allows it. */
  private void syncDirectory() {
    try (FileChannel dir = FileChannel.open(directory, StandardOpenOption.READ)) {
      dir.force(true);
    } catch (IOException | UnsupportedOperationException e) {
      // Not every platform can open or force a directory; the operation itself is still atomic.
    }
  }

  private static void requireValidName(String name) {
    if (name == null || !VALID_NAME.matcher(name).matches()) {
      throw new IllegalArgumentException("a file name is flat and plain (" + VALID_NAME.pattern() + "): " + name);
    }
  }
}
