package io.detsim.sim.fault;

import io.detsim.sim.fault.Fault.Burst;
import io.detsim.sim.fault.Fault.ClockDrift;
import io.detsim.sim.fault.Fault.ClockJump;
import io.detsim.sim.fault.Fault.ClockOffset;
import io.detsim.sim.fault.Fault.Clog;
import io.detsim.sim.fault.Fault.CorruptDisk;
import io.detsim.sim.fault.Fault.Crash;
import io.detsim.sim.fault.Fault.Delay;
import io.detsim.sim.fault.Fault.Duplicate;
import io.detsim.sim.fault.Fault.Heal;
import io.detsim.sim.fault.Fault.HealAll;
import io.detsim.sim.fault.Fault.Kill;
import io.detsim.sim.fault.Fault.Loss;
import io.detsim.sim.fault.Fault.Partition;
import io.detsim.sim.fault.Fault.Pause;
import io.detsim.sim.fault.Fault.Reorder;
import io.detsim.sim.fault.Fault.Restart;
import io.detsim.sim.fault.Fault.Unclog;
import io.detsim.sim.port.NodeId;
import java.util.SortedSet;
import java.util.StringJoiner;

/**
 * The canonical text of a schedule. Canonical means one spelling per value: single spaces, node sets
 * in sorted order without spaces, {@link Durations}' shortest exact durations, ratios as written by
 * {@link io.detsim.sim.port.Ratio#toString()}. Two equal schedules therefore print the same text, and
 * a failure file diffs cleanly against the next one.
 */
final class SchedulePrinter {
  static final String HEADER = "# detsim fault schedule v1";
  static final String HEADER_V2 = "# detsim fault schedule v2";

  private SchedulePrinter() {}

  static String print(FaultSchedule schedule) {
    // v1 while nothing needs v2, so that a schedule without aimed entries prints as it always did
    StringBuilder text = new StringBuilder(schedule.hasAimedEntries() ? HEADER_V2 : HEADER).append('\n');
    for (ScheduledFault entry : schedule.entries()) {
      text.append(when(entry)).append(' ').append(words(entry.fault())).append('\n');
    }
    return text.toString();
  }

  /** {@code 1.25s}, or {@code compaction-start@2+0ms} for an aimed entry. */
  static String when(ScheduledFault entry) {
    String offset = Durations.format(entry.atNanos());
    return entry.anchor().map(anchor -> anchor + "+" + offset).orElse(offset);
  }

  /** The fault part of a line: {@code crash server}, {@code partition a,b | c}. */
  static String words(Fault fault) {
    if (fault instanceof Crash crash) {
      return "crash " + crash.node();
    } else if (fault instanceof Restart restart) {
      return "restart " + restart.node();
    } else if (fault instanceof Pause pause) {
      return "pause " + pause.node() + " for " + Durations.format(pause.durationNanos());
    } else if (fault instanceof Kill kill) {
      return "kill " + kill.actor();
    } else if (fault instanceof Partition partition) {
      String arrow = partition.oneWay() ? " -> " : " | ";
      return "partition " + nodes(partition.side()) + arrow + nodes(partition.otherSide());
    } else if (fault instanceof Heal) {
      return "heal";
    } else if (fault instanceof Clog clog) {
      return "clog " + clog.source() + " -> " + clog.target() + " for " + Durations.format(clog.durationNanos());
    } else if (fault instanceof Unclog unclog) {
      return "unclog " + unclog.source() + " -> " + unclog.target();
    } else if (fault instanceof Delay delay) {
      return "delay " + Durations.format(delay.minNanos()) + ".." + Durations.format(delay.maxNanos());
    } else if (fault instanceof Loss loss) {
      return "loss " + loss.ratio();
    } else if (fault instanceof Duplicate duplicate) {
      return "duplicate " + duplicate.ratio();
    } else if (fault instanceof Reorder reorder) {
      return "reorder " + reorder.ratio();
    } else if (fault instanceof ClockOffset offset) {
      return "clock-offset " + offset.node() + " " + Durations.formatSigned(offset.offsetNanos());
    } else if (fault instanceof ClockJump jump) {
      return "clock-jump " + jump.node() + " " + Durations.formatSigned(jump.deltaNanos());
    } else if (fault instanceof ClockDrift drift) {
      return "clock-drift " + drift.node() + " " + signed(drift.partsPerMillion()) + "ppm";
    } else if (fault instanceof CorruptDisk corrupt) {
      return "corrupt-disk " + corrupt.node() + (corrupt.lastBytes() > 0 ? " last " + corrupt.lastBytes() + "B" : "");
    } else if (fault instanceof Burst burst) {
      return "burst " + burst.size();
    } else if (fault instanceof HealAll) {
      return "heal-all";
    }
    throw new AssertionError("a fault kind without a text form: " + fault);
  }

  private static String nodes(SortedSet<NodeId> nodes) {
    StringJoiner joined = new StringJoiner(",");
    for (NodeId node : nodes) {
      joined.add(node.name());
    }
    return joined.toString();
  }

  private static String signed(long value) {
    return value > 0 ? "+" + value : Long.toString(value);
  }
}
