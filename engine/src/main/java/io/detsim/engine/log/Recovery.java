package io.detsim.engine.log;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What {@link WriteAheadLog#recover} found: the state to rebuild from, and the log to continue.
 *
 * <p>The state is the snapshot (if a compaction installed one), which covers every record below
 * {@code snapshotEndLsn}, followed by {@code records} in order, from {@code snapshotEndLsn} on without
 * a gap. {@code cuts} says what was discarded and why, in the order recovery met it.
 */
public record Recovery(
    WriteAheadLog log, Optional<byte[]> snapshot, long snapshotEndLsn, List<LogRecord> records, List<Cut> cuts) {

  public Recovery {
    Objects.requireNonNull(log, "log");
    Objects.requireNonNull(snapshot, "snapshot");
    records = List.copyOf(records);
    cuts = List.copyOf(cuts);
  }
}
