package io.detsim.sim.disk;

import io.detsim.sim.port.Check;
import java.util.Arrays;

/**
 * The bytes of one version of a file (durable, or as reads see it): a growable array.
 *
 * <p>Simulated files live in memory, so a file is capped at {@link Integer#MAX_VALUE} bytes; a
 * simulation that needs more is testing something else.
 */
final class FileBytes {
  private byte[] bytes = new byte[0];
  private int size;

  long size() {
    return size;
  }

  /** Writes at {@code offset <= size}, growing the file if the data runs past its end. */
  void write(long offset, byte[] data, int length) {
    Check.that(offset >= 0 && offset <= size, "write at %d of a %d-byte file leaves a hole", offset, size);
    long end = offset + length;
    if (end > Integer.MAX_VALUE) {
      throw new IllegalArgumentException("a simulated file holds at most 2 GiB: write ends at " + end);
    }
    if (end > bytes.length) {
      bytes = Arrays.copyOf(bytes, (int) Math.min(Integer.MAX_VALUE, Math.max(end, 2L * bytes.length)));
    }
    System.arraycopy(data, 0, bytes, (int) offset, length);
    size = (int) Math.max(size, end);
  }

  void truncate(long newSize) {
    Check.that(newSize >= 0 && newSize <= size, "truncate to %d of a %d-byte file", newSize, size);
    Arrays.fill(bytes, (int) newSize, size, (byte) 0);
    size = (int) newSize;
  }

  /** Up to {@code length} bytes from {@code offset}; fewer at the end, none past it. */
  byte[] read(long offset, int length) {
    if (offset >= size) {
      return new byte[0];
    }
    int count = (int) Math.min(length, size - offset);
    return Arrays.copyOfRange(bytes, (int) offset, (int) offset + count);
  }

  void flip(long offset, int mask) {
    Check.that(offset >= 0 && offset < size, "flip at %d of a %d-byte file", offset, size);
    bytes[(int) offset] ^= (byte) mask;
  }

  void copyFrom(FileBytes other) {
    bytes = Arrays.copyOf(other.bytes, other.size);
    size = other.size;
  }
}
