package io.detsim.replay.timeline;

import io.detsim.sim.fault.Fault;
import io.detsim.sim.fault.FaultKind;
import io.detsim.sim.fault.FaultSchedule;
import io.detsim.sim.fault.ScheduleParseException;
import io.detsim.sim.fault.ScheduledFault;
import io.detsim.sim.port.NodeId;
import io.detsim.sim.trace.TraceEvent;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Predicate;

/**
 * Turns a fault schedule into shaded intervals. Every fault has an inverse (see {@link Fault}): an
 * interval opens at the fault and closes at its inverse ({@code restart} for a crash, {@code heal}
 * for every partition, {@code unclog} or the clog's duration, a network knob or clock setting set
 * back to zero or replaced by a new value) or at {@code heal-all}, which closes them all. A fault
 * still open when the trace ends is drawn to the end. Faults with no duration (kill, clock jump,
 * disk corruption, burst, heal-all itself) are instants.
 */
final class FaultBands {
  private final List<FaultBand> bands = new ArrayList<>();
  /** Open intervals by what closes them: "crash server", "partition", "clog a b", "loss", "clock-offset n". */
  private final Map<String, Open> open = new LinkedHashMap<>();

  private record Open(long startNanos, String kind, String label, List<String> nodes, long untilNanos) {}

  private FaultBands() {}

  /** The bands of {@code schedule}, with faults still open at {@code endNanos} ending there. */
  static List<FaultBand> of(List<ScheduledFault> schedule, long endNanos) {
    FaultBands result = new FaultBands();
    for (ScheduledFault entry : schedule) {
      result.apply(entry.atNanos(), entry.fault());
    }
    result.closeAll(endNanos);
    result.bands.sort((x, y) -> Long.compare(x.startNanos(), y.startNanos()));
    return result.bands;
  }

  /**
   * The faults the simulator traced as applied ({@code node "sim", kind "fault"}, the detail in the
   * schedule's words). A detail that does not parse is skipped: a timeline of a trace from a newer
   * simulator should still draw everything else.
   */
  static List<ScheduledFault> tracedFaults(List<TraceEvent> events) {
    List<ScheduledFault> faults = new ArrayList<>();
    for (TraceEvent event : events) {
      if (event.node().equals("sim") && event.kind().equals("fault") && event.detail() != null) {
        try {
          Fault fault = FaultSchedule.parse("0s " + event.detail()).entries().get(0).fault();
          faults.add(new ScheduledFault(Math.max(0, event.timeNanos()), fault));
        } catch (ScheduleParseException | IndexOutOfBoundsException e) {
          continue;
        }
      }
    }
    return faults;
  }

  private void apply(long atNanos, Fault fault) {
    closeExpired(atNanos);
    String label = FaultSchedule.describe(fault);
    String kind = FaultKind.of(fault).map(k -> k.name().toLowerCase(Locale.ROOT)).orElse("heal");
    if (fault instanceof Fault.Crash crash) {
      String key = "crash " + crash.node();
      if (!open.containsKey(key)) { // crashing a crashed node does nothing
        open(key, atNanos, kind, label, List.of(crash.node()), Long.MAX_VALUE);
      }
    } else if (fault instanceof Fault.Restart restart) {
      close(atNanos, key -> key.equals("crash " + restart.node()));
    } else if (fault instanceof Fault.Pause pause) {
      open("pause " + pause.node() + " " + atNanos, atNanos, kind, label, List.of(pause.node()),
          atNanos + pause.durationNanos());
    } else if (fault instanceof Fault.Partition partition) {
      List<NodeId> nodes = new ArrayList<>(partition.side());
      nodes.addAll(partition.otherSide());
      open("partition " + atNanos + " " + label, atNanos, kind, label, nodes, Long.MAX_VALUE);
    } else if (fault instanceof Fault.Heal) {
      close(atNanos, key -> key.startsWith("partition "));
    } else if (fault instanceof Fault.Clog clog) {
      String key = "clog " + clog.source() + " " + clog.target();
      close(atNanos, key::equals); // a new clog of the same link replaces the old one's end
      open(key, atNanos, kind, label, List.of(clog.source(), clog.target()), atNanos + clog.durationNanos());
    } else if (fault instanceof Fault.Unclog unclog) {
      close(atNanos, key -> key.equals("clog " + unclog.source() + " " + unclog.target()));
    } else if (fault instanceof Fault.Delay delay) {
      replace("delay", atNanos, kind, label, List.of(), delay.maxNanos() == 0);
    } else if (fault instanceof Fault.Loss loss) {
      replace("loss", atNanos, kind, label, List.of(), loss.ratio().isNever());
    } else if (fault instanceof Fault.Duplicate duplicate) {
      replace("duplicate", atNanos, kind, label, List.of(), duplicate.ratio().isNever());
    } else if (fault instanceof Fault.Reorder reorder) {
      replace("reorder", atNanos, kind, label, List.of(), reorder.ratio().isNever());
    } else if (fault instanceof Fault.ClockOffset offset) {
      replace("clock-offset " + offset.node(), atNanos, kind, label, List.of(offset.node()), offset.offsetNanos() == 0);
    } else if (fault instanceof Fault.ClockDrift drift) {
      replace("clock-drift " + drift.node(), atNanos, kind, label, List.of(drift.node()), drift.partsPerMillion() == 0);
    } else if (fault instanceof Fault.HealAll) {
      close(atNanos, key -> true);
      instant(atNanos, kind, label, List.of());
    } else {
      instant(atNanos, kind, label, nodesOf(fault));
    }
  }

  /** The lanes an instant fault belongs to: its node, or all lanes for a burst. */
  private static List<NodeId> nodesOf(Fault fault) {
    if (fault instanceof Fault.Kill kill) {
      return List.of(kill.actor());
    } else if (fault instanceof Fault.ClockJump jump) {
      return List.of(jump.node());
    } else if (fault instanceof Fault.CorruptDisk corrupt) {
      return List.of(corrupt.node());
    }
    return List.of();
  }

  /** A knob: a new value ends the old interval; a zero value only ends it. */
  private void replace(String key, long atNanos, String kind, String label, List<NodeId> nodes, boolean heals) {
    close(atNanos, key::equals);
    if (!heals) {
      open(key, atNanos, kind, label, nodes, Long.MAX_VALUE);
    }
  }

  private void open(String key, long atNanos, String kind, String label, List<NodeId> nodes, long untilNanos) {
    close(atNanos, key::equals);
    open.put(key, new Open(atNanos, kind, label, names(nodes), untilNanos));
  }

  private void instant(long atNanos, String kind, String label, List<NodeId> nodes) {
    bands.add(new FaultBand(atNanos, atNanos, kind, label, names(nodes)));
  }

  /** Closes the intervals whose own duration (a pause, a clog) ran out by {@code nowNanos}. */
  private void closeExpired(long nowNanos) {
    for (Iterator<Open> it = open.values().iterator(); it.hasNext(); ) {
      Open interval = it.next();
      if (interval.untilNanos() <= nowNanos) {
        bands.add(new FaultBand(interval.startNanos(), interval.untilNanos(), interval.kind(), interval.label(),
            interval.nodes()));
        it.remove();
      }
    }
  }

  private void close(long atNanos, Predicate<String> which) {
    for (Iterator<Map.Entry<String, Open>> it = open.entrySet().iterator(); it.hasNext(); ) {
      Map.Entry<String, Open> entry = it.next();
      if (which.test(entry.getKey())) {
        Open interval = entry.getValue();
        long end = Math.min(atNanos, interval.untilNanos());
        bands.add(new FaultBand(interval.startNanos(), end, interval.kind(), interval.label(), interval.nodes()));
        it.remove();
      }
    }
  }

  /** Ends every interval still open when the trace ends, drawn to the end (or its own end, if sooner). */
  private void closeAll(long endNanos) {
    closeExpired(endNanos);
    for (Iterator<Map.Entry<String, Open>> it = open.entrySet().iterator(); it.hasNext(); ) {
      Open interval = it.next().getValue();
      long end = Math.max(interval.startNanos(), Math.min(endNanos, interval.untilNanos()));
      bands.add(new FaultBand(interval.startNanos(), end, interval.kind(), interval.label(), interval.nodes()));
      it.remove();
    }
  }

  private static List<String> names(List<NodeId> nodes) {
    List<String> names = new ArrayList<>(nodes.size());
    for (NodeId node : nodes) {
      names.add(node.name());
    }
    return names;
  }
}
