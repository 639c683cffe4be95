package io.detsim.engine.log;

import io.detsim.engine.planted.EngineMutant;
import io.detsim.sim.port.Disk;
import io.detsim.sim.port.DiskFile;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.IntPredicate;

/**
 * Reads a log back after a crash: the snapshot, then the segments in generation order, each of
 * which must start where the records before it ended. Recovery stops at the first bad record and
 * cuts the file there, so that new appends follow good data; segments after the stop are deleted.
 *
 * <p>One instance per recovery; it carries the running position (next sequence number, cuts).
 */
final class LogRecovery {
  private final Disk disk;
  private final WalOptions options;
  private final Set<EngineMutant> planted;
  private final boolean rollsForward;
  private final boolean cutsBadTail;
  private final IntPredicate isKnownType;
  private final List<LogRecord> records = new ArrayList<>();
  private final List<Cut> cuts = new ArrayList<>();
  private long nextLsn;
  private long maxGeneration;

  LogRecovery(Disk disk, WalOptions options, Set<EngineMutant> planted, IntPredicate isKnownType) {
    this.disk = disk;
    this.options = options;
    this.planted = planted;
    this.rollsForward = planted.contains(EngineMutant.RECOVERY_ROLLS_FORWARD);
    this.cutsBadTail = !planted.contains(EngineMutant.TORN_TAIL_NOT_CUT);
    this.isKnownType = isKnownType;
  }

  Recovery run() {
    deleteAbandonedSnapshots();
    Optional<LogFormat.Snapshot> snapshot = readSnapshot();
    long snapshotGeneration = snapshot.map(LogFormat.Snapshot::generation).orElse(0L);
    long snapshotEndLsn = snapshot.map(LogFormat.Snapshot::endLsn).orElse(0L);
    nextLsn = snapshotEndLsn;
    maxGeneration = Math.max(maxGeneration, snapshotGeneration);
    List<Segment> segments = new ArrayList<>();
    for (Map.Entry<Long, String> entry : segmentsByGeneration().entrySet()) {
      long generation = entry.getKey();
      if (generation < snapshotGeneration) {
        disk.delete(entry.getValue()); // covered by the snapshot: a compaction crashed before deleting it
        continue;
      }
      Segment segment = readSegment(entry.getValue(), generation);
      if (segment != null) {
        segments.add(segment);
      }
    }
    if (segments.isEmpty()) {
      maxGeneration++;
      segments.add(Segment.create(disk, maxGeneration, nextLsn));
    }
    WriteAheadLog log = new WriteAheadLog(disk, options, planted, segments, snapshotEndLsn, nextLsn, maxGeneration);
    Optional<byte[]> state = snapshot.map(LogFormat.Snapshot::payload);
    return new Recovery(log, state, snapshotEndLsn, records, cuts);
  }

  /** A snapshot that was never renamed into place is superseded by the segments it would replace. */
  private void deleteAbandonedSnapshots() {
    for (String name : disk.list()) {
      OptionalLong generation = LogFiles.snapshotTempGeneration(name);
      if (generation.isPresent()) {
        maxGeneration = Math.max(maxGeneration, generation.getAsLong());
        if (rollsForward) {
          rollForward(name, generation.getAsLong());
          continue;
        }
        long size = disk.open(name).size();
        cuts.add(new Cut(name, 0, size, -1, Cut.Reason.ABANDONED_COMPACTION));
        disk.delete(name);
      }
    }
  }

  /** The planted bug: installs the temporary snapshot and deletes the segments it would replace. */
  private void rollForward(String tempName, long generation) {
    disk.rename(tempName, LogFiles.SNAPSHOT);
    segmentsByGeneration().forEach((segmentGeneration, segment) -> {
      if (segmentGeneration < generation) {
        disk.delete(segment);
      }
    });
  }

  /**
   * The installed snapshot, if any. A corrupt one (only a disk fault can do that: it was synced
   * before it was renamed into place) is deleted; what it covered is lost, and so is every segment
   * after it, since none of them starts at sequence number 0.
   */
  private Optional<LogFormat.Snapshot> readSnapshot() {
    if (!disk.exists(LogFiles.SNAPSHOT)) {
      return Optional.empty();
    }
    DiskFile file = disk.open(LogFiles.SNAPSHOT);
    LogFormat.Snapshot snapshot = LogFormat.decodeSnapshot(readAll(file));
    if (snapshot == null) {
      cuts.add(new Cut(LogFiles.SNAPSHOT, 0, file.size(), 0, Cut.Reason.CORRUPT_SNAPSHOT));
      disk.delete(LogFiles.SNAPSHOT);
      return Optional.empty();
    }
    return Optional.of(snapshot);
  }

  private TreeMap<Long, String> segmentsByGeneration() {
    TreeMap<Long, String> segments = new TreeMap<>();
    for (String name : disk.list()) {
      OptionalLong generation = LogFiles.segmentGeneration(name);
      if (generation.isPresent()) {
        segments.put(generation.getAsLong(), name);
        maxGeneration = Math.max(maxGeneration, generation.getAsLong());
      }
    }
    return segments;
  }

  /**
   * Reads one segment's records; returns it if it continues the log, or null after deleting it. A
   * kept segment is dirty: after a process crash (not a power loss) its bytes may still sit unsynced
   * in the OS, so its records count as durable only once the first sync round has covered them.
   */
  private Segment readSegment(String name, long generation) {
    DiskFile file = disk.open(name);
    LogFormat.SegmentHeader header =
        LogFormat.decodeSegmentHeader(file.read(0, LogFormat.SEGMENT_HEADER_BYTES));
    if (header == null || header.generation() != generation) {
      return discard(file, Cut.Reason.BAD_SEGMENT_HEADER);
    }
    if (header.firstLsn() != nextLsn) {
      return discard(file, Cut.Reason.OUT_OF_SEQUENCE);
    }
    readRecords(file);
    return new Segment(file, generation, header.firstLsn(), /* dirty= */ true);
  }

  private Segment discard(DiskFile file, Cut.Reason reason) {
    cuts.add(new Cut(file.name(), 0, file.size(), nextLsn, reason));
    disk.delete(file.name());
    return null;
  }

  /** Reads records up to the end or the first bad one, and cuts the file there. */
  private void readRecords(DiskFile file) {
    long offset = LogFormat.SEGMENT_HEADER_BYTES;
    long size = file.size();
    while (offset < size) {
      byte[] header = file.read(offset, LogFormat.RECORD_HEADER_BYTES);
      Cut.Reason problem = null;
      byte[] payload = null;
      int type = -1;
      if (header.length < LogFormat.RECORD_HEADER_BYTES) {
        problem = Cut.Reason.SHORT_HEADER;
      } else {
        long length = LogFormat.readUnsignedInt(header, 0);
        type = Byte.toUnsignedInt(header[8]);
        if (length > size - offset - LogFormat.RECORD_HEADER_BYTES) {
          problem = Cut.Reason.LENGTH_PAST_END;
        } else {
          payload = file.read(offset + LogFormat.RECORD_HEADER_BYTES, (int) length);
          if (LogFormat.readInt(header, 4) != LogFormat.recordChecksum(type, payload)) {
            problem = Cut.Reason.CHECKSUM_MISMATCH;
          } else if (!isKnownType.test(type)) {
            problem = Cut.Reason.UNKNOWN_TYPE;
          }
        }
      }
      if (problem != null) {
        cutTail(file, offset, problem);
        return;
      }
      records.add(new LogRecord(nextLsn++, type, payload));
      offset += LogFormat.RECORD_HEADER_BYTES + payload.length;
    }
  }

  /**
   * Cuts the file at the first bad record. Without the cut, new records would land after bytes that
   * the next recovery stops at, and be lost though they were synced and acknowledged.
   */
  private void cutTail(DiskFile file, long offset, Cut.Reason reason) {
    cuts.add(new Cut(file.name(), offset, file.size() - offset, nextLsn, reason));
    if (cutsBadTail) { // the planted torn-tail-not-cut skips this
      file.truncate(offset);
    }
  }

  private static byte[] readAll(DiskFile file) {
    long size = file.size();
    if (size > Integer.MAX_VALUE) {
      throw new IllegalStateException(file.name() + " is larger than 2 GiB: not a snapshot this log wrote");
    }
    return file.read(0, (int) size);
  }
}
