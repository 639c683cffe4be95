package io.detsim.engine.log;

import java.nio.ByteBuffer;
import java.util.zip.CRC32C;

/**
 * The bytes of records, segment headers and snapshot files (the layout is described in {@link
 * WriteAheadLog}). All integers are big-endian; checksums are CRC-32C, which the JDK computes the
 * same way everywhere.
 */
final class LogFormat {
  static final int RECORD_HEADER_BYTES = 9; // length u32, crc u32, type u8
  static final int SEGMENT_HEADER_BYTES = 24; // magic u32, generation u64, first LSN u64, crc u32
  static final int SNAPSHOT_HEADER_BYTES = 28; // magic u32, generation u64, end LSN u64, length u32, crc u32
  static final int MAX_PAYLOAD_BYTES = Integer.MAX_VALUE - SNAPSHOT_HEADER_BYTES;
  private static final int SEGMENT_MAGIC = 0x4457414C; // "DWAL"
  private static final int SNAPSHOT_MAGIC = 0x44534E50; // "DSNP"

  /** A segment's identity: the records in it start at {@code firstLsn}. */
  record SegmentHeader(long generation, long firstLsn) {}

  /** An installed snapshot: the state after every record below {@code endLsn}. */
  record Snapshot(long generation, long endLsn, byte[] payload) {}

  private LogFormat() {}

  static byte[] encodeRecord(int type, byte[] payload) {
    return ByteBuffer.allocate(RECORD_HEADER_BYTES + payload.length)
        .putInt(payload.length)
        .putInt(recordChecksum(type, payload))
        .put((byte) type)
        .put(payload)
        .array();
  }

  /** CRC-32C over the type byte and the payload: a flipped type is caught like a flipped payload. */
  static int recordChecksum(int type, byte[] payload) {
    CRC32C crc = new CRC32C();
    crc.update(type);
    crc.update(payload);
    return (int) crc.getValue();
  }

  static byte[] encodeSegmentHeader(SegmentHeader header) {
    ByteBuffer buffer = ByteBuffer.allocate(SEGMENT_HEADER_BYTES)
        .putInt(SEGMENT_MAGIC)
        .putLong(header.generation())
        .putLong(header.firstLsn());
    return buffer.putInt(checksum(buffer.array(), SEGMENT_HEADER_BYTES - 4)).array();
  }

  /** The header, or null if it is short, torn or corrupt. */
  static SegmentHeader decodeSegmentHeader(byte[] bytes) {
    if (bytes.length < SEGMENT_HEADER_BYTES) {
      return null;
    }
    ByteBuffer buffer = ByteBuffer.wrap(bytes);
    if (buffer.getInt() != SEGMENT_MAGIC) {
      return null;
    }
    long generation = buffer.getLong();
    long firstLsn = buffer.getLong();
    if (buffer.getInt() != checksum(bytes, SEGMENT_HEADER_BYTES - 4) || generation < 0 || firstLsn < 0) {
      return null;
    }
    return new SegmentHeader(generation, firstLsn);
  }

  static byte[] encodeSnapshot(Snapshot snapshot) {
    byte[] payload = snapshot.payload();
    ByteBuffer buffer = ByteBuffer.allocate(SNAPSHOT_HEADER_BYTES + payload.length)
        .putInt(SNAPSHOT_MAGIC)
        .putLong(snapshot.generation())
        .putLong(snapshot.endLsn())
        .putInt(payload.length)
        .putInt(0) // the checksum, filled in below
        .put(payload);
    return buffer.putInt(SNAPSHOT_HEADER_BYTES - 4, snapshotChecksum(buffer.array())).array();
  }

  /**
   * The header {@link #encodeSnapshot} would write before a payload of {@code payloadLength} bytes
   * whose own CRC-32C is {@code payloadCrc}: the same bytes, for a payload never held whole.
   */
  static byte[] encodeSnapshotHeader(long generation, long endLsn, long payloadLength, int payloadCrc) {
    ByteBuffer buffer = ByteBuffer.allocate(SNAPSHOT_HEADER_BYTES)
        .putInt(SNAPSHOT_MAGIC)
        .putLong(generation)
        .putLong(endLsn)
        .putInt((int) payloadLength);
    int headerCrc = checksum(buffer.array(), SNAPSHOT_HEADER_BYTES - 4);
    return buffer.putInt(Crc32cCombine.combine(headerCrc, payloadCrc, payloadLength)).array();
  }

  /** The snapshot, or null if the file is short or fails its checksum. */
  static Snapshot decodeSnapshot(byte[] bytes) {
    if (bytes.length < SNAPSHOT_HEADER_BYTES) {
      return null;
    }
    ByteBuffer buffer = ByteBuffer.wrap(bytes);
    int magic = buffer.getInt();
    long generation = buffer.getLong();
    long endLsn = buffer.getLong();
    long length = Integer.toUnsignedLong(buffer.getInt());
    int stored = buffer.getInt();
    if (magic != SNAPSHOT_MAGIC || length != bytes.length - SNAPSHOT_HEADER_BYTES
        || stored != snapshotChecksum(bytes) || generation < 0 || endLsn < 0) {
      return null;
    }
    byte[] payload = new byte[(int) length];
    buffer.get(payload);
    return new Snapshot(generation, endLsn, payload);
  }

  /** CRC-32C over the whole file except the checksum field itself. */
  private static int snapshotChecksum(byte[] file) {
    CRC32C crc = new CRC32C();
    crc.update(file, 0, SNAPSHOT_HEADER_BYTES - 4);
    crc.update(file, SNAPSHOT_HEADER_BYTES, file.length - SNAPSHOT_HEADER_BYTES);
    return (int) crc.getValue();
  }

  private static int checksum(byte[] bytes, int length) {
    CRC32C crc = new CRC32C();
    crc.update(bytes, 0, length);
    return (int) crc.getValue();
  }

  static long readUnsignedInt(byte[] bytes, int offset) {
    return Integer.toUnsignedLong(ByteBuffer.wrap(bytes).getInt(offset));
  }

  static int readInt(byte[] bytes, int offset) {
    return ByteBuffer.wrap(bytes).getInt(offset);
  }
}
