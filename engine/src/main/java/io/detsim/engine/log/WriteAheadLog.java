package io.detsim.engine.log;

import io.detsim.engine.planted.EngineMutant;
import io.detsim.sim.port.Check;
import io.detsim.sim.port.Disk;
import io.detsim.sim.port.DiskFile;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.IntPredicate;

/**
 * A write-ahead log of typed byte-array records, with group commit, crash recovery and compaction
 * into a snapshot. Written only against the {@link Disk} port; one log per disk.
 *
 * <p><b>Format.</b> Integers are big-endian, checksums CRC-32C. A segment file {@code
 * wal-<generation>.log} starts with a 24-byte header {@code [magic "DWAL" u32][generation
 * u64][first LSN u64][crc u32 over the 20 bytes before it]}, then records, each {@code [length
 * u32][crc u32 over type and payload][type u8][payload: length bytes]}. A record's sequence number
 * (LSN) is not stored: it is the segment's first LSN plus the record's position, so it cannot
 * disagree with the order. The snapshot {@code wal.snapshot} is {@code [magic "DSNP" u32][generation
 * u64][end LSN u64][length u32][crc u32 over the rest of the file][payload]}: the caller's state after
 * every record below the end LSN.
 *
 * <p><b>Durability.</b> {@link #append} writes the record into the file at once; {@link #commit}
 * runs its callback once every record appended before it is durable, in LSN order. Group commit: at
 * most one sync round runs at a time, and all commits that arrive during it share the next one.
 * Acknowledge a record only from its commit callback.
 *
 * <p><b>Recovery</b> ({@link #recover}) rebuilds snapshot plus records and cuts the log at the first
 * bad record: a short header, a length past the end of the file, a checksum mismatch, or a type the
 * caller does not know. Since acknowledgements wait for a sync, a cut tail holds only records that
 * were never acknowledged, unless a disk fault corrupted a synced record. Then recovery stops at that
 * record and discards every record after it, synced or not: a log with a hole would break the
 * per-session order that replay relies on, and a single-copy log cannot repair the record. The
 * disk's fault model allows exactly that loss, and the cut says where it happened.
 *
 * <p><b>Compaction</b> ({@link #compact}) is crash-safe at every step. (1) The log rolls to a new
 * segment of generation g+1 starting at the current end LSN N; new records go there. (2) The snapshot
 * goes to {@code wal-<g+1>.snapshot.tmp} and is synced. (3) It is renamed over {@code wal.snapshot},
 * atomically. (4) Segments older than g+1 are deleted. A crash before (3) leaves the old snapshot and
 * every segment: recovery deletes the temporary file and replays the segments in order, the new one
 * only if the old one reaches N intact. A crash after (3) leaves the new snapshot: recovery deletes
 * segments older than its generation. A sync round covers every segment with new bytes, old and new,
 * so the durable records are always an unbroken prefix of the log.
 *
 * <p>Not thread-safe: a node's handlers run one at a time.
 */
public final class WriteAheadLog {
  private final Disk disk;
  private final WalOptions options;
  private final boolean compactionDeletesEarly;
  private final boolean snapshotInstalledBeforeSync;
  private final List<Segment> segments; // oldest first; the last one takes appends
  private final GroupCommit groupCommit;
  private long nextLsn;
  private long maxGeneration;
  private Consumer<String> points = point -> {};
  private boolean compacting;
  private long records;
  private long fileSyncs;
  private long compactions;

  WriteAheadLog(Disk disk, WalOptions options, Set<EngineMutant> planted, List<Segment> segments, long durableEndLsn,
      long nextLsn, long maxGeneration) {
    Check.that(!segments.isEmpty(), "a log needs a segment to append to");
    this.disk = disk;
    this.options = options;
    this.compactionDeletesEarly = planted.contains(EngineMutant.COMPACTION_DELETES_EARLY);
    this.snapshotInstalledBeforeSync = planted.contains(EngineMutant.SNAPSHOT_INSTALLED_BEFORE_SYNC);
    this.segments = new ArrayList<>(segments);
    this.nextLsn = nextLsn;
    this.maxGeneration = maxGeneration;
    this.groupCommit = new GroupCommit(() -> this.nextLsn, this::syncRound, durableEndLsn, point -> points.accept(point),
        planted.contains(EngineMutant.GROUP_COMMIT_COVERS_LATE_APPENDS));
  }

  /**
   * Where the log announces its transitions ({@code log-segment-roll}, {@code snapshot-written},
   * {@code snapshot-installed}, {@code group-commit-start}, {@code group-commit-end}): the node's
   * {@link io.detsim.sim.port.NodeContext#point}, so that faults can be aimed at them.
   */
  public void announcePointsTo(Consumer<String> points) {
    this.points = Objects.requireNonNull(points, "points");
  }

  /** Recovers the log on {@code disk} with no planted bug, accepting every record type. */
  public static Recovery recover(Disk disk) {
    return recover(disk, WalOptions.none(), type -> true);
  }

  /** Recovers the log on {@code disk} with no planted bug; see {@link #recover(Disk, WalOptions, Set, IntPredicate)}. */
  public static Recovery recover(Disk disk, WalOptions options, IntPredicate isKnownType) {
    return recover(disk, options, EnumSet.noneOf(EngineMutant.class), isKnownType);
  }

  /**
   * Recovers the log on {@code disk} (an empty disk gives an empty log), cutting bad tails and
   * deleting what an interrupted compaction left behind. A record whose type fails {@code
   * isKnownType} stops recovery like a corrupt one. The log and its recovery run the bugs of {@code
   * planted} that live in them (torn-tail-not-cut, compaction-deletes-early,
   * snapshot-installed-before-sync, group-commit-covers-late-appends, recovery-rolls-forward).
   */
  public static Recovery recover(Disk disk, WalOptions options, Set<EngineMutant> planted, IntPredicate isKnownType) {
    Objects.requireNonNull(disk, "disk");
    Objects.requireNonNull(options, "options");
    Objects.requireNonNull(planted, "planted");
    Objects.requireNonNull(isKnownType, "isKnownType");
    return new LogRecovery(disk, options, planted, isKnownType).run();
  }

  /** Writes a record of {@code type} (0..255) into the log file at once; returns its LSN. */
  public long append(int type, byte[] payload) {
    Objects.requireNonNull(payload, "payload");
    if (type < 0 || type > 255) {
      throw new IllegalArgumentException("a record type is one unsigned byte: " + type);
    }
    if (payload.length > LogFormat.MAX_PAYLOAD_BYTES) {
      throw new IllegalArgumentException("payload of " + payload.length + " bytes is too large");
    }
    Segment active = segments.get(segments.size() - 1);
    active.file.append(LogFormat.encodeRecord(type, payload));
    active.dirty = true;
    records++;
    return nextLsn++;
  }

  /**
   * Runs {@code onDurable} on this node's handler once every record appended so far is durable: at
   * once if they already are, otherwise after a sync round. Callbacks run in the order of the
   * commits. Never runs if the node crashes first.
   */
  public void commit(Runnable onDurable) {
    groupCommit.await(Objects.requireNonNull(onDurable, "onDurable"));
  }

  /**
   * Replaces the log so far by {@code snapshot}, the caller's state after every record appended
   * before this call; records appended from now on follow it. {@code onInstalled} runs once the
   * snapshot is in place and the old segments are gone. One compaction at a time.
   */
  public void compact(byte[] snapshot, Runnable onInstalled) {
    Objects.requireNonNull(snapshot, "snapshot");
    compact(out -> out.write(snapshot), onInstalled);
  }

  /** Writes a snapshot's payload; it may be called after the log has rolled, never twice. */
  @FunctionalInterface
  public interface SnapshotWriter {
    void writeTo(OutputStream out) throws IOException;
  }

  /**
   * {@link #compact(byte[], Runnable)} with the snapshot produced by {@code snapshot} as it is
   * written: whole in memory first, or streamed to the file in chunks, as the options say (the
   * file's bytes are the same). The writer runs at once, before this returns, on the state of now.
   */
  public void compact(SnapshotWriter snapshot, Runnable onInstalled) {
    Objects.requireNonNull(snapshot, "snapshot");
    Objects.requireNonNull(onInstalled, "onInstalled");
    if (compacting) {
      throw new IllegalStateException("a compaction is already running: wait for its onInstalled");
    }
    byte[] whole = options.snapshotChunkBytes() == 0 ? inMemory(snapshot) : null;
    compacting = true;
    long generation = ++maxGeneration;
    long endLsn = nextLsn;
    segments.add(Segment.create(disk, generation, endLsn));
    points.accept("log-segment-roll");
    if (compactionDeletesEarly) {
      deleteSegmentsBefore(generation);
    }
    String tempName = LogFiles.snapshotTemp(generation);
    DiskFile temp = disk.open(tempName);
    Check.that(temp.size() == 0, "leftover %s: recovery deletes abandoned snapshots", tempName);
    if (whole != null) {
      temp.append(LogFormat.encodeSnapshot(new LogFormat.Snapshot(generation, endLsn, whole)));
    } else {
      SnapshotStream stream = new SnapshotStream(temp, generation, endLsn, options.snapshotChunkBytes());
      try {
        snapshot.writeTo(stream);
      } catch (IOException e) {
        throw new UncheckedIOException("writing the snapshot " + tempName, e);
      }
      stream.finish();
    }
    points.accept("snapshot-written"); // written, not yet durable: the temporary file's sync is next
    if (snapshotInstalledBeforeSync) {
      install(tempName, generation, endLsn, onInstalled);
      temp.sync(() -> {});
      return;
    }
    temp.sync(() -> install(tempName, generation, endLsn, onInstalled));
  }

  private static byte[] inMemory(SnapshotWriter snapshot) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try {
      snapshot.writeTo(bytes);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot happen: writing to memory", e);
    }
    if (bytes.size() > LogFormat.MAX_PAYLOAD_BYTES) {
      throw new IllegalArgumentException("snapshot of " + bytes.size() + " bytes is too large");
    }
    return bytes.toByteArray();
  }

  /** Steps (3) and (4) of compaction: the synced snapshot takes over from the older segments. */
  private void install(String tempName, long generation, long endLsn, Runnable onInstalled) {
    disk.rename(tempName, LogFiles.SNAPSHOT);
    points.accept("snapshot-installed"); // the new snapshot is in place; the old segments are not yet gone
    deleteSegmentsBefore(generation);
    compacting = false;
    compactions++;
    groupCommit.durableThrough(endLsn);
    onInstalled.run();
  }

  private void deleteSegmentsBefore(long generation) {
    while (segments.get(0).generation < generation) {
      disk.delete(segments.remove(0).name()); // an open sync on it still completes; nothing waits on it
    }
  }

  public boolean isCompacting() {
    return compacting;
  }

  /** The LSN the next appended record will get. */
  public long nextLsn() {
    return nextLsn;
  }

  /** Every record below this LSN is durable. */
  public long durableLsn() {
    return groupCommit.durableEndLsn();
  }

  public WalStats stats() {
    return new WalStats(records, groupCommit.rounds(), fileSyncs, compactions);
  }

  /** Syncs every segment with new bytes, all at once, then runs {@code done}. */
  private void syncRound(Runnable done) {
    List<Segment> dirty = new ArrayList<>();
    for (Segment segment : segments) {
      if (segment.dirty) {
        segment.dirty = false;
        dirty.add(segment);
      }
    }
    if (dirty.isEmpty()) {
      done.run(); // every byte was covered by an earlier round, and rounds run one at a time
      return;
    }
    int[] remaining = {dirty.size()};
    for (Segment segment : dirty) {
      fileSyncs++;
      segment.file.sync(() -> {
        remaining[0]--;
        if (remaining[0] == 0) {
          done.run();
        }
      });
    }
  }
}
