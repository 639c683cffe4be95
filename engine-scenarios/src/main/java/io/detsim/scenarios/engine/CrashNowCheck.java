package io.detsim.scenarios.engine;

import io.detsim.engine.server.EngineServer;
import io.detsim.scenarios.engine.validate.Violation;
import io.detsim.sim.Simulation;
import io.detsim.sim.disk.DiskStats;
import io.detsim.sim.port.Disk;
import io.detsim.sim.port.DiskFile;
import io.detsim.sim.port.NodeId;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiConsumer;

/**
 * Guarantee 1 asked where a crash would break it, without a crash: at each transition point of the
 * server that opens or closes a durability window (a group-commit round's start and end, each step
 * of a compaction), recovery runs on a copy of what the disk holds durably at that instant, and
 * every observation the server has acknowledged must come back. A bug whose loss needs a crash
 * inside a window of a few milliseconds (a round that declares too much durable, a compaction that
 * deletes a segment too early, a sync that skips a file) is caught at the window itself, in every
 * run that opens it, not in the rare run whose crash lands there.
 *
 * <p>Each check costs a recovery of the whole durable log, so the checks are budgeted to keep a run
 * linear: their recovered bytes stay within {@link #BYTES_PER_BYTE_WRITTEN} times what the server
 * wrote (plus {@link #BUDGET_FLOOR_BYTES}), and group-commit points, by far the most frequent, may
 * spend only half of it, so the rarer compaction points always find some left. After a disk fault
 * corrupted a record, loss is allowed (docs/engine.md guarantee 1), and the checks stop.
 */
final class CrashNowCheck implements BiConsumer<NodeId, String> {
  static final Set<String> COMPACTION_POINTS =
      Set.of("compaction-start", "log-segment-roll", "snapshot-written", "snapshot-installed");
  static final Set<String> COMMIT_POINTS = Set.of("group-commit-start", "group-commit-end");
  static final long BYTES_PER_BYTE_WRITTEN = 16;
  static final long BUDGET_FLOOR_BYTES = 256 * 1024;
  private static final int EVIDENCE_IDS = 5;

  private final Simulation sim;
  private final NodeId server;
  private long spentBytes;
  private Violation violation;

  CrashNowCheck(Simulation sim, NodeId server) {
    this.sim = sim;
    this.server = server;
  }

  @Override
  public void accept(NodeId node, String point) {
    boolean compaction = COMPACTION_POINTS.contains(point);
    if (violation != null || !node.equals(server) || !(compaction || COMMIT_POINTS.contains(point))) {
      return;
    }
    DiskStats stats = sim.diskStats(server);
    if (stats.corruptions() > 0) {
      return;
    }
    // Sized before it is copied, so that a point over budget costs a walk of the file list, not a
    // copy: the files as they stand, unsynced tails and all, are near enough the copy for a budget.
    long size = sizeOf(sim.disk(server));
    long budget = BYTES_PER_BYTE_WRITTEN * stats.bytesWritten() + BUDGET_FLOOR_BYTES;
    if (spentBytes + size > (compaction ? budget : budget / 2)) {
      return;
    }
    spentBytes += size;
    EngineServer engine = sim.node(server, EngineServer.class);
    List<String> missing = engine.acknowledgedMissingFrom(sim.durableImage(server));
    if (!missing.isEmpty()) {
      List<String> shown = List.copyOf(missing.subList(0, Math.min(EVIDENCE_IDS, missing.size())));
      violation = new Violation(Violation.Kind.DATA_LOSS, "a crash at " + point + " would lose " + missing.size()
          + " acknowledged observations: " + String.join(", ", shown) + (missing.size() > shown.size() ? ", ..." : "")
          + " (recovery run on what the disk held durably there)", sim.nowNanos(), shown);
    }
  }

  /** The first acknowledged loss a crash would have caused, if any. */
  Optional<Violation> violation() {
    return Optional.ofNullable(violation);
  }

  private static long sizeOf(Disk disk) {
    long size = 0;
    for (String name : disk.list()) {
      DiskFile file = disk.open(name);
      size += file.size();
    }
    return size;
  }
}
