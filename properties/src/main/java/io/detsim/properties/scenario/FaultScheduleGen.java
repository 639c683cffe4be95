package io.detsim.properties.scenario;

import io.detsim.properties.core.ChoiceSource;
import io.detsim.properties.core.Gen;
import io.detsim.sim.fault.Anchor;
import io.detsim.sim.fault.Fault;
import io.detsim.sim.fault.FaultKind;
import io.detsim.sim.fault.FaultSchedule;
import io.detsim.sim.fault.ScheduledFault;
import io.detsim.sim.port.NodeId;
import io.detsim.sim.port.Ratio;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Generates a fault schedule over a system's own nodes, from choices, so that it shrinks: each
 * entry is one span of choices (kind, instant, target, duration), preceded by a "one more?" choice,
 * so the shrinker deletes whole faults, moves them earlier, and picks the first node and the
 * shortest duration. A fault with an inverse gets it (crash then restart, partition then heal);
 * the scenario's heal-all ends whatever is left.
 *
 * <pre>
 * Gen&lt;FaultSchedule&gt; faults = FaultScheduleGen.over(List.of(n1, n2, n3))
 *     .kinds(EnumSet.of(FaultKind.CRASH, FaultKind.PARTITION, FaultKind.PAUSE))
 *     .window(2 * SECOND).maxEntries(4).gen();
 * </pre>
 *
 * <p>Kinds it draws: {@code CRASH}, {@code PAUSE}, {@code PARTITION} (one node from the rest, one
 * way or both), {@code CLOG} (one link), {@code DELAY}, {@code LOSS}, {@code DUPLICATE},
 * {@code REORDER}, {@code CLOCK_SKEW} (offsets and jumps within +/-5 s), {@code DISK} (corrupts a
 * synced record of a node, anywhere in a file or near its end as {@link DiskDamage} draws, then
 * crashes it so that recovery reads it) and, given actors,
 * {@code KILL}. {@code BURST} is the engine's (a scenario that has a load to burst draws it itself);
 * {@code BUGGIFY} and {@code SHUFFLE_TIES} are simulation options, not schedule entries.
 * Instants are whole milliseconds.
 *
 * <p>Aimed faults ({@link #aimedAt}): given the transition points the system's nodes announce, half
 * of the node faults are anchored at a point instead of a uniform instant, as {@link FaultAim} draws
 * them for the engine too ({@code flush@2+1ms crash n1} in the schedule's text), and their inverse
 * with them. Without points no aim choice is drawn at all, and every input is what it was before
 * aiming existed.
 *
 * @param nodes the nodes faults may strike, in the order the shrinker prefers (first: simplest)
 * @param actors actors that {@code KILL} may strike (a node's child ids)
 * @param kinds the kinds drawn
 * @param windowNanos faults fall in {@code [0, windowNanos)}
 * @param maxEntries the most faults drawn
 * @param maxDurationNanos the longest a crash, pause, partition or clog lasts
 * @param aimPoints the transition points node faults may be aimed at; empty: none aimed
 */
public record FaultScheduleGen(List<NodeId> nodes, List<NodeId> actors, Set<FaultKind> kinds, long windowNanos,
    int maxEntries, long maxDurationNanos, List<String> aimPoints) {
  private static final long MS = 1_000_000L;
  private static final long SKEW_LIMIT_MS = 5_000;
  private static final Set<FaultKind> DRAWN = EnumSet.of(FaultKind.CRASH, FaultKind.PAUSE, FaultKind.KILL,
      FaultKind.PARTITION, FaultKind.CLOG, FaultKind.DELAY, FaultKind.LOSS, FaultKind.DUPLICATE, FaultKind.REORDER,
      FaultKind.CLOCK_SKEW, FaultKind.DISK);

  public FaultScheduleGen {
    nodes = List.copyOf(nodes);
    actors = List.copyOf(actors);
    aimPoints = List.copyOf(aimPoints);
    aimPoints.forEach(Anchor::checkPointName);
    kinds = kinds.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(kinds));
    if (nodes.isEmpty()) {
      throw new IllegalArgumentException("a fault schedule needs at least one node to strike");
    }
    for (FaultKind kind : kinds) {
      if (!DRAWN.contains(kind)) {
        throw new IllegalArgumentException("FaultScheduleGen does not draw " + kind + "; it draws " + DRAWN);
      }
    }
    if (kinds.contains(FaultKind.KILL) && actors.isEmpty()) {
      throw new IllegalArgumentException("KILL needs actors to kill: withActors(...)");
    }
    if (windowNanos < MS || maxEntries < 0 || maxDurationNanos < MS) {
      throw new IllegalArgumentException("need a window and a longest duration of at least 1 ms, and maxEntries >= 0: "
          + windowNanos + ", " + maxEntries + ", " + maxDurationNanos);
    }
  }

  /** Crashes, pauses and partitions of {@code nodes} within the first second, at most 4 of them. */
  public static FaultScheduleGen over(List<NodeId> nodes) {
    return new FaultScheduleGen(nodes, List.of(), EnumSet.of(FaultKind.CRASH, FaultKind.PAUSE, FaultKind.PARTITION),
        1_000 * MS, 4, 500 * MS, List.of());
  }

  public FaultScheduleGen kinds(Set<FaultKind> drawn) {
    return new FaultScheduleGen(nodes, actors, drawn, windowNanos, maxEntries, maxDurationNanos, aimPoints);
  }

  public FaultScheduleGen withActors(List<NodeId> killable) {
    return new FaultScheduleGen(nodes, killable, kinds, windowNanos, maxEntries, maxDurationNanos, aimPoints);
  }

  public FaultScheduleGen window(long nanos) {
    return new FaultScheduleGen(nodes, actors, kinds, nanos, maxEntries, maxDurationNanos, aimPoints);
  }

  public FaultScheduleGen maxEntries(int entries) {
    return new FaultScheduleGen(nodes, actors, kinds, windowNanos, entries, maxDurationNanos, aimPoints);
  }

  public FaultScheduleGen maxDuration(long nanos) {
    return new FaultScheduleGen(nodes, actors, kinds, windowNanos, maxEntries, nanos, aimPoints);
  }

  /**
   * Aims half the node faults at the transition points {@code points}, which the system's nodes
   * announce ({@link io.detsim.sim.port.NodeContext#point}); see the class comment.
   */
  public FaultScheduleGen aimedAt(List<String> points) {
    return new FaultScheduleGen(nodes, actors, kinds, windowNanos, maxEntries, maxDurationNanos, points);
  }

  /** The generator; with no kinds it always makes the empty schedule. */
  public Gen<FaultSchedule> gen() {
    return gen(Swarm.only(kinds));
  }

  /**
   * The generator of a run whose {@code swarm} was drawn first: entries only of the kinds it enables
   * (none of them: the empty schedule). Each entry's kind is still a choice over all of this
   * generator's kinds ({@link Swarm#pick}), so when shrinking takes a kind out of the swarm, every
   * later choice keeps its meaning.
   */
  public Gen<FaultSchedule> gen(Swarm swarm) {
    List<FaultKind> ordered = DRAWN.stream().filter(kinds::contains).sorted().toList();
    if (ordered.stream().noneMatch(swarm::has) || maxEntries == 0) {
      return Gen.<FaultSchedule>constant(FaultSchedule.of(List.of())).describe("no faults");
    }
    Gen<List<ScheduledFault>> entry = source -> entry(ordered, swarm, source);
    Gen<FaultSchedule> schedule = source -> {
      List<ScheduledFault> entries = new ArrayList<>();
      Gen.listOf(entry, 0, maxEntries).generate(source).forEach(entries::addAll);
      return FaultSchedule.of(entries);
    };
    return schedule.describe("fault schedule over " + nodes);
  }

  /** One drawn fault: its entry and, where it has one, its inverse later. */
  private List<ScheduledFault> entry(List<FaultKind> ordered, Swarm swarm, ChoiceSource source) {
    FaultKind kind = swarm.pick(ordered, (int) source.choose(0, ordered.size() - 1));
    Optional<Anchor> aim = FaultAim.draw(source, kind, aimPoints);
    long at = FaultAim.at(aim, windowNanos, source);
    NodeId node = nodes.get((int) source.choose(0, nodes.size() - 1));
    long duration = (1 + source.choose(0, maxDurationNanos / MS - 1)) * MS;
    List<ScheduledFault> out = new ArrayList<>();
    switch (kind) {
      case CRASH -> {
        out.add(new ScheduledFault(at, new Fault.Crash(node), aim));
        out.add(new ScheduledFault(at + duration, new Fault.Restart(node), aim));
      }
      case DISK -> {
        // Corrupt a synced record, then crash: only a recovery reads the disk back.
        out.add(new ScheduledFault(at, DiskDamage.draw(source, node), aim));
        out.add(new ScheduledFault(at, new Fault.Crash(node), aim));
        out.add(new ScheduledFault(at + duration, new Fault.Restart(node), aim));
      }
      case PAUSE -> out.add(new ScheduledFault(at, new Fault.Pause(node, duration), aim));
      case KILL -> out.add(new ScheduledFault(at, new Fault.Kill(actors.get((int) source.choose(0, actors.size() - 1))),
          aim));
      case PARTITION -> {
        TreeSet<NodeId> rest = new TreeSet<>(nodes);
        rest.remove(node);
        if (!rest.isEmpty()) {
          out.add(new ScheduledFault(at, new Fault.Partition(new TreeSet<>(List.of(node)), rest,
              source.chance(Ratio.of(1, 2)))));
          out.add(new ScheduledFault(at + duration, new Fault.Heal()));
        }
      }
      case CLOG -> {
        NodeId other = nodes.get((int) source.choose(0, nodes.size() - 1));
        if (!other.equals(node)) {
          out.add(new ScheduledFault(at, new Fault.Clog(node, other, duration)));
        }
      }
      case DELAY -> out.add(new ScheduledFault(at, new Fault.Delay(0, (1 + source.choose(0, 99)) * MS)));
      case LOSS -> out.add(new ScheduledFault(at, new Fault.Loss(Ratio.of(1, 50 - source.choose(0, 48)))));
      case DUPLICATE -> out.add(new ScheduledFault(at, new Fault.Duplicate(Ratio.of(1, 50 - source.choose(0, 48)))));
      case REORDER -> out.add(new ScheduledFault(at, new Fault.Reorder(Ratio.of(1, 20 - source.choose(0, 18)))));
      case CLOCK_SKEW -> {
        long offset = (source.choose(0, 2 * SKEW_LIMIT_MS) - SKEW_LIMIT_MS) * MS;
        out.add(new ScheduledFault(at, source.chance(Ratio.of(1, 2))
            ? new Fault.ClockOffset(node, offset) : new Fault.ClockJump(node, offset)));
      }
      default -> throw new AssertionError("not drawn: " + kind);
    }
    return out;
  }

}
