package io.detsim.properties.scenario;

import io.detsim.properties.core.ChoiceSource;
import io.detsim.sim.fault.Fault;
import io.detsim.sim.port.NodeId;
import java.util.List;

/**
 * Where a generated disk fault damages a stored file: anywhere, or within its last few bytes. A
 * recovery that stops at a bad checksum loses what follows the damage, so damage drawn anywhere
 * mostly loses a large part of a log, and the cuts that lose one record, or a few, are almost
 * never drawn. Yet those are where the code after a cut has its boundaries: a session that lost
 * exactly one acknowledged observation, a snapshot whose last bytes are bad. (A resumption off by
 * one, taken only when two or more were lost, needed 167 seeds of disk_faults with damage drawn
 * anywhere.) The engine's input generator and {@link FaultScheduleGen} draw this same choice.
 */
public final class DiskDamage {
  /**
   * How near the end, in bytes: anywhere first (the simplest, where shrinking goes), then about
   * the last record of a small one, the last few records, the last block.
   */
  private static final List<Long> LAST_BYTES = List.of(0L, 64L, 512L, 4096L);

  private DiskDamage() {}

  /** A corruption of {@code node}'s disk at a drawn place: one choice. */
  public static Fault.CorruptDisk draw(ChoiceSource source, NodeId node) {
    return new Fault.CorruptDisk(node, LAST_BYTES.get((int) source.choose(0, LAST_BYTES.size() - 1)));
  }
}
