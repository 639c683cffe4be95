package io.detsim.sim.fault;

import io.detsim.sim.fault.Fault.Clog;
import io.detsim.sim.fault.Fault.ClockDrift;
import io.detsim.sim.fault.Fault.ClockJump;
import io.detsim.sim.fault.Fault.ClockOffset;
import io.detsim.sim.fault.Fault.CorruptDisk;
import io.detsim.sim.fault.Fault.Crash;
import io.detsim.sim.fault.Fault.Kill;
import io.detsim.sim.fault.Fault.Partition;
import io.detsim.sim.fault.Fault.Pause;
import io.detsim.sim.fault.Fault.Restart;
import io.detsim.sim.fault.Fault.Unclog;
import io.detsim.sim.port.NodeId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * The faults of one run, as data: an immutable list of {@link ScheduledFault} in time order.
 * Entries at the same instant keep the order they were given in, because that order is the order
 * the simulator applies them in ("crash, then restart" at one instant is not "restart, then crash").
 *
 * <p>A schedule is generated, shrunk by deleting entries (see {@link #without}, {@link #subList}),
 * printed into failure files and parsed back from them, so its text is part of the user interface:
 *
 * <pre>
 * # detsim fault schedule v1
 * 0s delay 0s..100ms
 * 0s loss 1/100
 * 500ms partition client-1,client-2 | server     # both ways
 * 500ms partition client-1 -> server             # one way: client-1 cannot reach server
 * 1.25s crash server
 * 2s restart server
 * 3s heal
 * </pre>
 *
 * <p>One entry a line: a time, then a fault. {@code #} starts a comment that runs to the end of the
 * line; blank lines are ignored. The first line may be the header {@code # detsim fault schedule v1};
 * a header with another version is an error, so that a future format is not misread. Entries may be
 * written in any order: parsing sorts them by time, stably, just as {@link #of} does. The faults:
 *
 * <pre>
 * crash NODE                         restart NODE
 * pause NODE for DURATION            kill NODE/ACTOR
 * partition NODES | NODES            partition NODES -&gt; NODES      (NODES: a,b,c)
 * heal                               heal-all
 * clog NODE -&gt; NODE for DURATION     unclog NODE -&gt; NODE
 * delay DURATION..DURATION           loss RATIO
 * duplicate RATIO                    reorder RATIO                  (RATIO: 1/100)
 * clock-offset NODE SIGNED-DURATION  clock-jump NODE SIGNED-DURATION  (-5s, +2s)
 * clock-drift NODE SIGNED-INTEGERppm corrupt-disk NODE
 * burst COUNT                        corrupt-disk NODE last BYTESB  (damage within a file's last bytes)
 * </pre>
 *
 * <p>Format v2 adds aimed entries: instead of a time, {@code POINT@K+DURATION} means that duration
 * after the {@code K}-th announcement of the transition point {@code POINT} (see {@link Anchor}):
 *
 * <pre>
 * # detsim fault schedule v2
 * 1.25s crash server
 * compaction-start@2+0ms crash server     # the second compaction, as it starts
 * compaction-start@2+300ms restart server
 * </pre>
 *
 * <p>v1 texts are still read; a schedule without aimed entries prints as v1, so older failure files
 * and digests are unchanged. An aimed entry under a v1 header is an error.
 *
 * <p>Durations are written as {@link Durations} does. {@link #toText} prints one canonical form
 * (single spaces, sorted node sets, the shortest exact durations, the header), so that
 * {@code parse(s.toText()).equals(s)} and printing a parsed text again gives the same text.
 */
public final class FaultSchedule {
  private static final FaultSchedule EMPTY = new FaultSchedule(List.of());

  private final List<ScheduledFault> entries;

  private FaultSchedule(List<ScheduledFault> sortedEntries) {
    this.entries = sortedEntries;
  }

  /** The given entries in time order; entries at equal times keep their order in {@code entries}. */
  public static FaultSchedule of(List<ScheduledFault> entries) {
    List<ScheduledFault> sorted = new ArrayList<>(List.copyOf(entries));
    sorted.sort(null); // List.sort is stable: equal times keep their schedule order
    return new FaultSchedule(Collections.unmodifiableList(sorted));
  }

  /** One fault in the words of the text form ({@code crash server}): for traces and reports. */
  public static String describe(Fault fault) {
    return SchedulePrinter.words(fault);
  }

  /** The schedule with no faults. */
  public static FaultSchedule empty() {
    return EMPTY;
  }

  /** A builder, for schedules written in code: {@code builder().at(nanos, fault)...build()}. */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Parses the text form described on this class.
   *
   * @throws ScheduleParseException with the line and column of the first error
   */
  public static FaultSchedule parse(String text) {
    return ScheduleParser.parse(text);
  }

  /** The canonical text form, header first, one entry a line, each line ending in a newline. */
  public String toText() {
    return SchedulePrinter.print(this);
  }

  /** The entries in time order, unmodifiable. */
  public List<ScheduledFault> entries() {
    return entries;
  }

  public int size() {
    return entries.size();
  }

  public boolean isEmpty() {
    return entries.isEmpty();
  }

  /** This schedule plus {@code entry}, placed after every entry at the same or an earlier time. */
  public FaultSchedule withAdded(ScheduledFault entry) {
    List<ScheduledFault> added = new ArrayList<>(entries);
    added.add(Objects.requireNonNull(entry, "entry"));
    return of(added);
  }

  /** This schedule without the entry at {@code index} (an index into {@link #entries}). */
  public FaultSchedule without(int index) {
    Objects.checkIndex(index, entries.size());
    return withoutRange(index, index + 1);
  }

  /** This schedule without the entries from {@code fromIndex} (inclusive) to {@code toIndex} (exclusive). */
  public FaultSchedule withoutRange(int fromIndex, int toIndex) {
    Objects.checkFromToIndex(fromIndex, toIndex, entries.size());
    List<ScheduledFault> kept = new ArrayList<>(entries.subList(0, fromIndex));
    kept.addAll(entries.subList(toIndex, entries.size()));
    return new FaultSchedule(Collections.unmodifiableList(kept));
  }

  /** Only the entries from {@code fromIndex} (inclusive) to {@code toIndex} (exclusive). */
  public FaultSchedule subList(int fromIndex, int toIndex) {
    Objects.checkFromToIndex(fromIndex, toIndex, entries.size());
    return new FaultSchedule(Collections.unmodifiableList(new ArrayList<>(entries.subList(fromIndex, toIndex))));
  }

  /**
   * The time of the last entry at an absolute time, or 0 when there is none: from then on no new
   * scheduled fault strikes, which is when a run's liveness phase may begin. Aimed entries are left
   * out; the simulator drops those still pending at {@code heal-all}.
   */
  public long lastFaultAtNanos() {
    long last = 0;
    for (ScheduledFault entry : entries) {
      if (!entry.isAimed()) { // an aimed fault's time is not known before the run
        last = Math.max(last, entry.atNanos());
      }
    }
    return last;
  }

  /** True when some entry is aimed at a transition point: such a schedule prints as format v2. */
  public boolean hasAimedEntries() {
    for (ScheduledFault entry : entries) {
      if (entry.isAimed()) {
        return true;
      }
    }
    return false;
  }

  /**
   * Every node and actor id the faults name, sorted. Actors appear as named ({@code server/worker-1}),
   * not as their process; use {@link NodeId#process()} for that.
   */
  public SortedSet<NodeId> nodes() {
    SortedSet<NodeId> nodes = new TreeSet<>();
    for (ScheduledFault entry : entries) {
      addNodes(entry.fault(), nodes);
    }
    return Collections.unmodifiableSortedSet(nodes);
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof FaultSchedule schedule && entries.equals(schedule.entries);
  }

  @Override
  public int hashCode() {
    return entries.hashCode();
  }

  /** The text form, so that a schedule in an assertion failure reads as it would in a failure file. */
  @Override
  public String toString() {
    return toText();
  }

  private static void addNodes(Fault fault, SortedSet<NodeId> nodes) {
    if (fault instanceof Crash crash) {
      nodes.add(crash.node());
    } else if (fault instanceof Restart restart) {
      nodes.add(restart.node());
    } else if (fault instanceof Pause pause) {
      nodes.add(pause.node());
    } else if (fault instanceof Kill kill) {
      nodes.add(kill.actor());
    } else if (fault instanceof Partition partition) {
      nodes.addAll(partition.side());
      nodes.addAll(partition.otherSide());
    } else if (fault instanceof Clog clog) {
      nodes.add(clog.source());
      nodes.add(clog.target());
    } else if (fault instanceof Unclog unclog) {
      nodes.add(unclog.source());
      nodes.add(unclog.target());
    } else if (fault instanceof ClockOffset offset) {
      nodes.add(offset.node());
    } else if (fault instanceof ClockJump jump) {
      nodes.add(jump.node());
    } else if (fault instanceof ClockDrift drift) {
      nodes.add(drift.node());
    } else if (fault instanceof CorruptDisk corrupt) {
      nodes.add(corrupt.node());
    }
    // Heal, HealAll, Delay, Loss, Duplicate, Reorder and Burst name no node.
  }

  /** Collects entries in any order; {@link #build} sorts them as {@link #of} does. */
  public static final class Builder {
    private final List<ScheduledFault> entries = new ArrayList<>();

    private Builder() {}

    /** Adds {@code fault} at {@code atNanos}, after any fault already added for the same time. */
    public Builder at(long atNanos, Fault fault) {
      entries.add(new ScheduledFault(atNanos, fault));
      return this;
    }

    public FaultSchedule build() {
      return of(entries);
    }
  }
}
