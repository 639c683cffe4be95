package io.detsim.engine.log;

import io.detsim.sim.port.DiskFile;
import java.io.OutputStream;
import java.util.Arrays;
import java.util.zip.CRC32C;

/**
 * A snapshot written to its file as it is produced, a chunk at a time, instead of whole from
 * memory: the real runtime's snapshot holds every observation (about 600 bytes each at dimension
 * 128), and building it in a growing array took up to four times that at once, enough to exhaust a
 * 256 MB heap at 100,000 observations (docs/benchmarks.md). The file's bytes are those of
 * {@link LogFormat#encodeSnapshot}: a placeholder header first, the payload in chunks, then the
 * real header over the placeholder, once the payload's length and checksum are known.
 */
final class SnapshotStream extends OutputStream {
  private final DiskFile file;
  private final long generation;
  private final long endLsn;
  private final byte[] chunk;
  private final CRC32C payloadCrc = new CRC32C();
  private int used;
  private long length;

  SnapshotStream(DiskFile file, long generation, long endLsn, int chunkBytes) {
    this.file = file;
    this.generation = generation;
    this.endLsn = endLsn;
    this.chunk = new byte[chunkBytes];
    file.append(new byte[LogFormat.SNAPSHOT_HEADER_BYTES]);
  }

  @Override
  public void write(int value) {
    if (used == chunk.length) {
      flushChunk();
    }
    chunk[used++] = (byte) value;
  }

  @Override
  public void write(byte[] bytes, int offset, int count) {
    while (count > 0) {
      if (used == chunk.length) {
        flushChunk();
      }
      int part = Math.min(count, chunk.length - used);
      System.arraycopy(bytes, offset, chunk, used, part);
      used += part;
      offset += part;
      count -= part;
    }
  }

  /** Writes what is left and the header; the file is then complete, and the caller syncs it. */
  void finish() {
    flushChunk();
    if (length > LogFormat.MAX_PAYLOAD_BYTES) {
      throw new IllegalStateException("snapshot of " + length + " bytes is too large for its format");
    }
    file.write(0, LogFormat.encodeSnapshotHeader(generation, endLsn, length, (int) payloadCrc.getValue()));
  }

  private void flushChunk() {
    if (used == 0) {
      return;
    }
    payloadCrc.update(chunk, 0, used);
    file.append(used == chunk.length ? chunk : Arrays.copyOf(chunk, used)); // a disk copies what it keeps
    length += used;
    used = 0;
  }
}
