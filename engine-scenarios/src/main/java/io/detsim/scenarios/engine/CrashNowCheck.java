package io.detsim.scenarios.engine;

import io.detsim.engine.protocol.Ack;
import io.detsim.engine.protocol.AckOutcome;
import io.detsim.engine.server.EngineServer;
import io.detsim.scenarios.engine.validate.Violation;
import io.detsim.sim.SendListener;
import io.detsim.sim.Simulation;
import io.detsim.sim.disk.DiskStats;
import io.detsim.sim.port.Disk;
import io.detsim.sim.port.DiskFile;
import io.detsim.sim.port.NodeId;
import java.util.HashSet;
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
 * <p>The same question is asked of every ACCEPTED the server sends, at the instant it goes out: the
 * observation it names must be among what recovery would bring back then. This needs nothing of the
 * server's own bookkeeping, so a server that believes an observation durable when it is not (a
 * retransmission answered ACCEPTED while the original still waits for its group commit) is caught
 * when it says so, though the original's own commit closes the window milliseconds later. What
 * recovery would bring back changes only when the disk's durable content does ({@link
 * Simulation#durableVersion}), so the answers after one group commit cost one recovery.
 *
 * <p>Each check costs a recovery of the whole durable log, so the checks are budgeted to keep a run
 * linear: their recovered bytes stay within {@link #BYTES_PER_BYTE_WRITTEN} times what the server
 * wrote (plus {@link #BUDGET_FLOOR_BYTES}), and group-commit points and ACCEPTED answers, by far the
 * most frequent, may spend only half of it, so the rarer compaction points always find some left.
 * After a disk fault corrupted a record, loss is allowed (docs/engine.md guarantee 1), and the checks
 * stop.
 */
final class CrashNowCheck implements BiConsumer<NodeId, String>, SendListener {
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
  /** What recovery brought back at {@link #recoveredVersion}; null until an ACCEPTED needed it. */
  private Set<String> recoveredIds;
  private long recoveredVersion;

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
    Disk image = durableImageWithinBudget(compaction);
    if (image == null) {
      return;
    }
    EngineServer engine = sim.node(server, EngineServer.class);
    List<String> missing = engine.acknowledgedMissingFrom(image);
    if (!missing.isEmpty()) {
      List<String> shown = List.copyOf(missing.subList(0, Math.min(EVIDENCE_IDS, missing.size())));
      violation = new Violation(Violation.Kind.DATA_LOSS, "a crash at " + point + " would lose " + missing.size()
          + " acknowledged observations: " + String.join(", ", shown) + (missing.size() > shown.size() ? ", ..." : "")
          + " (recovery run on what the disk held durably there)", sim.nowNanos(), shown);
    }
  }

  @Override
  public void sent(NodeId source, NodeId target, Object message) {
    if (violation != null || !source.equals(server) || !(message instanceof Ack ack)
        || ack.outcome() != AckOutcome.ACCEPTED) {
      return;
    }
    long version = sim.durableVersion(server);
    if (recoveredIds == null || version != recoveredVersion) { // a corruption moves the version too
      Disk image = durableImageWithinBudget(false);
      if (image == null) {
        return;
      }
      recoveredIds = new HashSet<>(sim.node(server, EngineServer.class).recoverableIds(image));
      recoveredVersion = version;
    }
    if (!recoveredIds.contains(ack.memoryId())) {
      violation = new Violation(Violation.Kind.DATA_LOSS, "ACCEPTED " + ack.memoryId() + " went out while a crash"
          + " would lose it (recovery run on what the disk held durably then does not bring it back)",
          sim.nowNanos(), List.of(ack.memoryId()));
    }
  }

  /** The first acknowledged loss a crash would have caused, if any. */
  Optional<Violation> violation() {
    return Optional.ofNullable(violation);
  }

  /**
   * A copy of what the server's disk holds durably, charged to the budget (half of it unless at a
   * compaction point); null once a corruption allows loss, or when the budget is spent.
   */
  private Disk durableImageWithinBudget(boolean compaction) {
    DiskStats stats = sim.diskStats(server);
    if (stats.corruptions() > 0) {
      return null;
    }
    // Sized before it is copied, so that a check over budget costs a walk of the file list, not a
    // copy: the files as they stand, unsynced tails and all, are near enough the copy for a budget.
    long size = sizeOf(sim.disk(server));
    long budget = BYTES_PER_BYTE_WRITTEN * stats.bytesWritten() + BUDGET_FLOOR_BYTES;
    if (spentBytes + size > (compaction ? budget : budget / 2)) {
      return null;
    }
    spentBytes += size;
    return sim.durableImage(server);
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
