package io.detsim.engine.session;

import io.detsim.engine.protocol.SessionId;
import io.detsim.engine.protocol.SpaceId;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The durable part of a {@link SessionTable}: enough to rebuild it after a crash, either from a
 * checkpoint ({@link #toBytes}) or by collecting the write-ahead log's records into a list.
 *
 * <p>The byte form is versioned and checked on reading; it carries no checksum of its own, since the
 * log or checkpoint file that holds it keeps one per record.
 *
 * @param nextSessionNumber the number the next opened session gets ({@code s-<number>}), so that a
 *     restarted server does not hand out an id that is still in the log
 * @param sessions in table order
 */
public record SessionSnapshot(long nextSessionNumber, List<DurableSession> sessions) {
  private static final int MAGIC = 0x53455331; // "SES1": format version 1

  public SessionSnapshot {
    sessions = List.copyOf(sessions);
    if (nextSessionNumber < 1) {
      throw new IllegalArgumentException("session numbers start at 1: " + nextSessionNumber);
    }
    Set<SessionId> seen = new TreeSet<>();
    for (DurableSession session : sessions) {
      if (!seen.add(session.id())) {
        throw new IllegalArgumentException("session listed twice: " + session.id());
      }
    }
  }

  public byte[] toBytes() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (DataOutputStream out = new DataOutputStream(bytes)) {
      out.writeInt(MAGIC);
      out.writeLong(nextSessionNumber);
      out.writeInt(sessions.size());
      for (DurableSession session : sessions) {
        out.writeUTF(session.id().value());
        out.writeUTF(session.space().value());
        out.writeLong(session.lastAcceptedSeq());
        out.writeBoolean(session.closed());
      }
    } catch (IOException e) {
      throw new UncheckedIOException("writing to memory cannot fail", e);
    }
    return bytes.toByteArray();
  }

  /**
   * Reads what {@link #toBytes} wrote.
   *
   * @throws IllegalArgumentException if the bytes are not a complete, valid snapshot
   */
  public static SessionSnapshot fromBytes(byte[] data) {
    try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(data))) {
      if (in.readInt() != MAGIC) {
        throw new IllegalArgumentException("not a session snapshot (or an unknown version)");
      }
      long next = in.readLong();
      int count = in.readInt();
      if (count < 0 || count > data.length) { // each session takes several bytes: a bound, cheaply
        throw new IllegalArgumentException("implausible session count: " + count);
      }
      List<DurableSession> sessions = new ArrayList<>(count);
      for (int i = 0; i < count; i++) {
        SessionId id = SessionId.of(in.readUTF());
        SpaceId space = SpaceId.of(in.readUTF());
        sessions.add(new DurableSession(id, space, in.readLong(), in.readBoolean()));
      }
      if (in.available() > 0) {
        throw new IllegalArgumentException("trailing bytes after the snapshot");
      }
      return new SessionSnapshot(next, sessions);
    } catch (IOException e) {
      throw new IllegalArgumentException("truncated session snapshot", e);
    }
  }
}
