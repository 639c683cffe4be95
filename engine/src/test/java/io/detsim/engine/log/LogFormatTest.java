package io.detsim.engine.log;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.util.OptionalLong;
import java.util.zip.CRC32C;
import org.junit.jupiter.api.Test;

class LogFormatTest {

  @Test
  void record_encodesLengthChecksumTypeAndPayload() {
    byte[] payload = "observation".getBytes(UTF_8);
    ByteBuffer frame = ByteBuffer.wrap(LogFormat.encodeRecord(200, payload));

    assertThat(frame.remaining()).isEqualTo(LogFormat.RECORD_HEADER_BYTES + payload.length);
    assertThat(frame.getInt()).isEqualTo(payload.length);
    CRC32C crc = new CRC32C();
    crc.update(200);
    crc.update(payload);
    assertThat(frame.getInt()).isEqualTo((int) crc.getValue());
    assertThat(Byte.toUnsignedInt(frame.get())).isEqualTo(200);
    byte[] back = new byte[payload.length];
    frame.get(back);
    assertThat(back).isEqualTo(payload);
    assertThat(LogFormat.recordChecksum(201, payload)).isNotEqualTo(LogFormat.recordChecksum(200, payload));
  }

  @Test
  void segmentHeader_roundTrips_andRejectsAnyFlippedByte() {
    LogFormat.SegmentHeader header = new LogFormat.SegmentHeader(7, 1_234_567_890_123L);
    byte[] bytes = LogFormat.encodeSegmentHeader(header);

    assertThat(LogFormat.decodeSegmentHeader(bytes)).isEqualTo(header);
    for (int i = 0; i < bytes.length; i++) {
      byte[] flipped = bytes.clone();
      flipped[i] ^= 0x10;
      assertThat(LogFormat.decodeSegmentHeader(flipped)).as("flip in byte %d", i).isNull();
    }
    assertThat(LogFormat.decodeSegmentHeader(new byte[LogFormat.SEGMENT_HEADER_BYTES - 1])).isNull();
  }

  @Test
  void snapshot_roundTrips_andRejectsAnyFlippedByteOrTruncation() {
    byte[] payload = "state after 42 records".getBytes(UTF_8);
    byte[] bytes = LogFormat.encodeSnapshot(new LogFormat.Snapshot(3, 42, payload));

    LogFormat.Snapshot back = LogFormat.decodeSnapshot(bytes);
    assertThat(back.generation()).isEqualTo(3);
    assertThat(back.endLsn()).isEqualTo(42);
    assertThat(back.payload()).isEqualTo(payload);
    for (int i = 0; i < bytes.length; i++) {
      byte[] flipped = bytes.clone();
      flipped[i] ^= 0x01;
      assertThat(LogFormat.decodeSnapshot(flipped)).as("flip in byte %d", i).isNull();
    }
    byte[] cut = java.util.Arrays.copyOf(bytes, bytes.length - 1);
    assertThat(LogFormat.decodeSnapshot(cut)).isNull();
  }

  @Test
  void fileNames_carryTheGeneration() {
    assertThat(LogFiles.segment(12)).isEqualTo("wal-0000000000000000012.log");
    assertThat(LogFiles.segmentGeneration(LogFiles.segment(Long.MAX_VALUE))).hasValue(Long.MAX_VALUE);
    assertThat(LogFiles.snapshotTempGeneration(LogFiles.snapshotTemp(5))).hasValue(5);
    assertThat(LogFiles.segmentGeneration(LogFiles.snapshotTemp(5))).isEqualTo(OptionalLong.empty());
    assertThat(LogFiles.segmentGeneration("wal-12.log")).isEmpty();
    assertThat(LogFiles.segmentGeneration("other.log")).isEmpty();
  }
}
