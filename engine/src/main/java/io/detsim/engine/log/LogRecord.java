package io.detsim.engine.log;

import java.util.Arrays;

/**
 * One record read back from the log: its sequence number, its type (0..255) and its payload.
 *
 * <p>Equality is by content, not by array identity. The payload is not copied: treat it as read-only.
 */
public record LogRecord(long lsn, int type, byte[] payload) {

  @Override
  public boolean equals(Object other) {
    return other instanceof LogRecord
        && ((LogRecord) other).lsn == lsn
        && ((LogRecord) other).type == type
        && Arrays.equals(((LogRecord) other).payload, payload);
  }

  @Override
  public int hashCode() {
    return (Long.hashCode(lsn) * 31 + type) * 31 + Arrays.hashCode(payload);
  }

  @Override
  public String toString() {
    return "LogRecord[lsn=" + lsn + ", type=" + type + ", payloadBytes=" + payload.length + "]";
  }
}
