package io.detsim.engine.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.detsim.engine.protocol.Episode;
import io.detsim.engine.protocol.Priority;
import io.detsim.engine.protocol.SessionId;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import org.junit.jupiter.api.Test;

/**
 * The observation record's bytes are its documented format, field by field as
 * {@code DataOutputStream} writes them, whatever shortcut the codec takes for the embedding: logs
 * written before the shortcut still read, and the simulated disks (and so the digests) see the
 * same bytes.
 */
class LogCodecTest {
  private static final SessionId SESSION = SessionId.of("s-7");
  private static final float[] AWKWARD = {0f, -0f, 1f, -1.5f, Float.MIN_VALUE, -Float.MIN_NORMAL, Float.MAX_VALUE,
      0.1f, 1e-30f, -123456.79f};

  @Test
  void anObservation_isWrittenInTheDocumentedFormat_floatsBigEndian() throws IOException {
    Episode episode = new Episode("ep-1", "space-a", 99L, "what happened", AWKWARD, 0.25f);
    byte[] expected;
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (DataOutputStream out = new DataOutputStream(bytes)) {
      out.writeUTF("s-7");
      out.writeLong(12);
      out.writeByte(Priority.LOW.ordinal());
      out.writeUTF("ep-1");
      out.writeUTF("space-a");
      out.writeLong(99L);
      out.writeUTF("what happened");
      out.writeFloat(0.25f);
      out.writeInt(AWKWARD.length);
      for (float value : AWKWARD) {
        out.writeFloat(value);
      }
    }
    expected = bytes.toByteArray();
    assertThat(LogCodec.observation(SESSION, 12, Priority.LOW, episode)).isEqualTo(expected);
  }

  @Test
  void anObservation_readsBackBitForBit() {
    Episode episode = new Episode("ep-2", "space-b", 5L, "", AWKWARD, 1f);
    StoredObservation read = LogCodec.readObservation(3, LogCodec.observation(SESSION, 4, Priority.HIGH, episode));
    assertThat(read).isEqualTo(new StoredObservation(3, SESSION, 4, Priority.HIGH, episode));
    for (int i = 0; i < AWKWARD.length; i++) {
      assertThat(Float.floatToRawIntBits(read.episode().embeddingAt(i))).isEqualTo(Float.floatToRawIntBits(AWKWARD[i]));
    }
  }
}
