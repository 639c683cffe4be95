package io.detsim.engine.server;

import io.detsim.engine.protocol.Episode;
import io.detsim.engine.protocol.Priority;
import io.detsim.engine.protocol.SessionId;
import io.detsim.engine.protocol.SpaceId;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/**
 * The engine's write-ahead-log records and snapshot, as bytes. The log frames and checksums each
 * record; these are the payloads.
 *
 * <pre>
 * OPEN (1):        session, space
 * OBSERVATION (2): session, seq, priority, episode (id, space, when, what, confidence, dimension, floats)
 * CLOSE (3):       session
 * snapshot:        version 1, next session number, sessions (id, space, closed), observations (lsn, OBSERVATION)
 * </pre>
 *
 * Strings are modified UTF-8 ({@link DataOutputStream#writeUTF}), numbers big-endian.
 *
 * <p>An embedding's floats go through one byte array, not one {@code writeFloat} each: on JDK 17
 * {@code DataOutputStream} hands every float to its stream as four single-byte writes, and at
 * dimension 768 the server thread spent 173 of its 744 samples writing snapshots that way
 * (docs/benchmarks.md). The bytes are the same ({@link Float#floatToIntBits}, big-endian), so the
 * logs, the snapshots and every simulation digest are too ({@code LogCodecBenchmark} measures it).
 */
final class LogCodec {
  static final int OPEN = 1;
  static final int OBSERVATION = 2;
  static final int CLOSE = 3;
  private static final int SNAPSHOT_VERSION = 1;
  /** An observation record's bytes besides its embedding and text, about: ids, numbers, lengths. */
  private static final int OBSERVATION_FIXED_BYTES = 128;
  private static final int SMALL_RECORD_BYTES = 64;

  private LogCodec() {}

  static boolean isKnownType(int type) {
    return type == OPEN || type == OBSERVATION || type == CLOSE;
  }

  /** A session as the snapshot keeps it; its last sequence number follows from its observations. */
  record SessionEntry(SessionId id, SpaceId space, boolean closed) {}

  /** Everything a snapshot holds. */
  record Snapshot(long nextSessionNumber, List<SessionEntry> sessions, List<StoredObservation> observations) {}

  static byte[] open(SessionId session, SpaceId space) {
    return write(out -> {
      out.writeUTF(session.value());
      out.writeUTF(space.value());
    });
  }

  static byte[] close(SessionId session) {
    return write(out -> out.writeUTF(session.value()));
  }

  static byte[] observation(SessionId session, long seq, Priority priority, Episode episode) {
    return write(OBSERVATION_FIXED_BYTES + Float.BYTES * episode.dimension() + episode.what().length(),
        out -> writeObservation(out, session, seq, priority, episode));
  }

  static SessionEntry readOpen(byte[] payload) {
    return read(payload, in -> new SessionEntry(SessionId.of(in.readUTF()), SpaceId.of(in.readUTF()), false));
  }

  static SessionId readClose(byte[] payload) {
    return read(payload, in -> SessionId.of(in.readUTF()));
  }

  static StoredObservation readObservation(long lsn, byte[] payload) {
    return read(payload, in -> readObservation(in, lsn));
  }

  static byte[] snapshot(Snapshot snapshot) {
    return write(out -> writeSnapshot(out, snapshot));
  }

  /** The snapshot's bytes onto {@code target}, as they are produced: a snapshot need not fit in memory. */
  static void writeSnapshot(Snapshot snapshot, OutputStream target) throws IOException {
    DataOutputStream out = new DataOutputStream(target);
    writeSnapshot(out, snapshot);
    out.flush();
  }

  private static void writeSnapshot(DataOutputStream out, Snapshot snapshot) throws IOException {
    out.writeInt(SNAPSHOT_VERSION);
    out.writeLong(snapshot.nextSessionNumber());
    out.writeInt(snapshot.sessions().size());
    for (SessionEntry session : snapshot.sessions()) {
      out.writeUTF(session.id().value());
      out.writeUTF(session.space().value());
      out.writeBoolean(session.closed());
    }
    out.writeInt(snapshot.observations().size());
    for (StoredObservation stored : snapshot.observations()) {
      out.writeLong(stored.lsn());
      writeObservation(out, stored.session(), stored.seq(), stored.priority(), stored.episode());
    }
  }

  static Snapshot readSnapshot(byte[] data) {
    return read(data, in -> {
      int version = in.readInt();
      if (version != SNAPSHOT_VERSION) {
        throw new IOException("snapshot version " + version + ", expected " + SNAPSHOT_VERSION);
      }
      long nextSessionNumber = in.readLong();
      int sessionCount = in.readInt();
      List<SessionEntry> sessions = new ArrayList<>(sessionCount);
      for (int i = 0; i < sessionCount; i++) {
        sessions.add(new SessionEntry(SessionId.of(in.readUTF()), SpaceId.of(in.readUTF()), in.readBoolean()));
      }
      int observationCount = in.readInt();
      List<StoredObservation> observations = new ArrayList<>(observationCount);
      for (int i = 0; i < observationCount; i++) {
        observations.add(readObservation(in, in.readLong()));
      }
      return new Snapshot(nextSessionNumber, sessions, observations);
    });
  }

  private static void writeObservation(DataOutputStream out, SessionId session, long seq, Priority priority,
      Episode episode) throws IOException {
    out.writeUTF(session.value());
    out.writeLong(seq);
    out.writeByte(priority.ordinal());
    out.writeUTF(episode.id());
    out.writeUTF(episode.space());
    out.writeLong(episode.whenNanos());
    out.writeUTF(episode.what());
    out.writeFloat(episode.confidence());
    out.writeInt(episode.dimension());
    ByteBuffer floats = ByteBuffer.allocate(Float.BYTES * episode.dimension());
    for (int i = 0; i < episode.dimension(); i++) {
      floats.putInt(Float.floatToIntBits(episode.embeddingAt(i))); // what writeFloat writes
    }
    out.write(floats.array());
  }

  private static StoredObservation readObservation(DataInputStream in, long lsn) throws IOException {
    SessionId session = SessionId.of(in.readUTF());
    long seq = in.readLong();
    Priority priority = Priority.values()[in.readByte()];
    String id = in.readUTF();
    String space = in.readUTF();
    long when = in.readLong();
    String what = in.readUTF();
    float confidence = in.readFloat();
    float[] embedding = new float[in.readInt()];
    byte[] bytes = new byte[Float.BYTES * embedding.length];
    in.readFully(bytes);
    ByteBuffer floats = ByteBuffer.wrap(bytes);
    for (int i = 0; i < embedding.length; i++) {
      embedding[i] = Float.intBitsToFloat(floats.getInt());
    }
    return new StoredObservation(lsn, session, seq, priority, new Episode(id, space, when, what, embedding, confidence));
  }

  private interface Writing {
    void accept(DataOutputStream out) throws IOException;
  }

  private interface Reading<T> {
    T apply(DataInputStream in) throws IOException;
  }

  private static byte[] write(Writing body) {
    return write(SMALL_RECORD_BYTES, body);
  }

  /** {@code body}'s bytes, into a buffer of {@code expectedBytes} to start with (it grows if need be). */
  private static byte[] write(int expectedBytes, Writing body) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(expectedBytes);
    try (DataOutputStream out = new DataOutputStream(bytes)) {
      body.accept(out);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot happen: writing to memory", e);
    }
    return bytes.toByteArray();
  }

  /**
   * Decodes a record that passed its checksum. A record that does not decode is a bug in the
   * writer, not a disk fault (the checksum caught those), so it throws.
   */
  private static <T> T read(byte[] payload, Reading<T> body) {
    try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(payload))) {
      return body.apply(in);
    } catch (IOException | RuntimeException e) {
      throw new IllegalStateException("a log record passed its checksum but does not decode: " + e.getMessage(), e);
    }
  }
}
