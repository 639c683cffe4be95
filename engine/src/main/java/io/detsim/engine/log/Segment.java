package io.detsim.engine.log;

import io.detsim.sim.port.Check;
import io.detsim.sim.port.Disk;
import io.detsim.sim.port.DiskFile;

/**
 * One log file: a header naming its generation and first sequence number, then records.
 *
 * <p>{@code dirty} is true while it holds bytes that no sync round has yet been asked to cover.
 */
final class Segment {
  final DiskFile file;
  final long generation;
  final long firstLsn;
  boolean dirty;

  Segment(DiskFile file, long generation, long firstLsn, boolean dirty) {
    this.file = file;
    this.generation = generation;
    this.firstLsn = firstLsn;
    this.dirty = dirty;
  }

  /** A new empty segment; its header becomes durable with the next sync round, like a record. */
  static Segment create(Disk disk, long generation, long firstLsn) {
    DiskFile file = disk.open(LogFiles.segment(generation));
    Check.that(file.size() == 0, "segment %s exists already", file.name());
    file.append(LogFormat.encodeSegmentHeader(new LogFormat.SegmentHeader(generation, firstLsn)));
    return new Segment(file, generation, firstLsn, /* dirty= */ true);
  }

  String name() {
    return file.name();
  }
}
