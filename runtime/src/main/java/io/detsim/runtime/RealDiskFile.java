package io.detsim.runtime;

import io.detsim.sim.port.DiskFile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.Objects;

/**
 * One file of a {@link RealDisk}, open on a {@link FileChannel}. Writes go to the OS at once
 * (visible to reads, durable only after a force); {@link #sync} queues a request with the disk's
 * {@link GroupSync}. The handle follows the file through a rename, as a POSIX descriptor does.
 *
 * <p>An I/O error throws {@link UncheckedIOException}: the port has no error values, so the
 * handler that called fails and its node crashes (fail-stop), and recovery starts from the disk.
 * Size is kept here, not asked of the OS, so that a node's reads and appends see its own writes
 * without a system call.
 */
final class RealDiskFile implements DiskFile {
  private final GroupSync syncer;
  private final FileChannel channel;
  private volatile String name;
  private volatile boolean closed;
  private long size; // touched by the owning node's handlers only
  private long bytesWritten;

  RealDiskFile(GroupSync syncer, Path path, String name) {
    this.syncer = syncer;
    this.name = name;
    try {
      this.channel = FileChannel.open(path, StandardOpenOption.CREATE, StandardOpenOption.READ,
          StandardOpenOption.WRITE);
      this.size = channel.size();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot open " + path, e);
    }
  }

  @Override
  public String name() {
    return name;
  }

  void renamed(String newName) {
    name = newName;
  }

  @Override
  public long size() {
    return size;
  }

  @Override
  public long append(byte[] data) {
    long offset = size;
    write(offset, data);
    return offset;
  }

  @Override
  public void write(long offset, byte[] data) {
    Objects.requireNonNull(data, "data");
    if (offset < 0 || offset > size) {
      throw new IllegalArgumentException("write at " + offset + " of " + name + " (" + size + " bytes) would leave a hole");
    }
    ByteBuffer buffer = ByteBuffer.wrap(data);
    try {
      long position = offset;
      while (buffer.hasRemaining()) {
        position += channel.write(buffer, position);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("write to " + name, e);
    }
    size = Math.max(size, offset + data.length);
    bytesWritten += data.length;
  }

  @Override
  public void truncate(long newSize) {
    if (newSize < 0 || newSize > size) {
      throw new IllegalArgumentException("truncate " + name + " to " + newSize + " bytes: it has " + size);
    }
    try {
      channel.truncate(newSize);
    } catch (IOException e) {
      throw new UncheckedIOException("truncate " + name, e);
    }
    size = newSize;
  }

  @Override
  public byte[] read(long offset, int length) {
    if (offset < 0 || length < 0) {
      throw new IllegalArgumentException("read of " + length + " bytes at " + offset + " of " + name);
    }
    int available = (int) Math.max(0, Math.min(length, size - offset));
    ByteBuffer buffer = ByteBuffer.allocate(available);
    try {
      long position = offset;
      while (buffer.hasRemaining()) {
        int read = channel.read(buffer, position);
        if (read < 0) {
          break; // shorter on disk than we think: only if another process cut it
        }
        position += read;
      }
    } catch (IOException e) {
      throw new UncheckedIOException("read from " + name, e);
    }
    return buffer.position() == available ? buffer.array() : Arrays.copyOf(buffer.array(), buffer.position());
  }

  @Override
  public void sync(Runnable onDurable) {
    Objects.requireNonNull(onDurable, "onDurable");
    syncer.request(this, onDurable);
  }

  long bytesWritten() {
    return bytesWritten;
  }

  /** Called by the sync thread. A file deleted meanwhile needs no durability: it is skipped. */
  void force(Forcer forcer) throws IOException {
    if (closed) {
      return;
    }
    try {
      forcer.force(channel);
    } catch (ClosedChannelException e) {
      if (!closed) {
        throw e;
      }
    }
  }

  void close() {
    closed = true;
    try {
      channel.close();
    } catch (IOException e) {
      throw new UncheckedIOException("close " + name, e);
    }
  }
}
