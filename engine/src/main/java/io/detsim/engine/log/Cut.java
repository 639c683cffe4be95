package io.detsim.engine.log;

import io.detsim.sim.port.Traced;

/**
 * What recovery threw away, and why, for the engine's trace.
 *
 * @param file the file it was in
 * @param offsetBytes where the discarded bytes start in that file
 * @param lengthBytes how many bytes were discarded
 * @param lsn the sequence number recovery stopped at: the first record not recovered
 * @param reason what was wrong there
 */
public record Cut(String file, long offsetBytes, long lengthBytes, long lsn, Reason reason) implements Traced {

  public enum Reason {
    /** Fewer bytes left than a record header: a torn write. */
    SHORT_HEADER,
    /** The length field runs past the end of the file: a torn write, or a corrupted length. */
    LENGTH_PAST_END,
    /** The checksum does not match: a torn write, or a disk fault. */
    CHECKSUM_MISMATCH,
    /** A well-formed record of a type the caller does not know: a writer and reader that disagree. */
    UNKNOWN_TYPE,
    /** A segment whose header is torn or corrupt: the whole segment is discarded. */
    BAD_SEGMENT_HEADER,
    /** A segment that does not continue where the records before it ended: discarded whole. */
    OUT_OF_SEQUENCE,
    /** The installed snapshot fails its checksum (a disk fault): it and the log after it are lost. */
    CORRUPT_SNAPSHOT,
    /** A snapshot written by a compaction that crashed before installing it: not needed. */
    ABANDONED_COMPACTION
  }

  @Override
  public String traceDetail() {
    return reason + " file=" + file + " offset=" + offsetBytes + " bytes=" + lengthBytes + " lsn=" + lsn;
  }
}
