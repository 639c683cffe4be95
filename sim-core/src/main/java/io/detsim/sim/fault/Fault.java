package io.detsim.sim.fault;

import io.detsim.sim.port.NodeId;
import io.detsim.sim.port.Ratio;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * One fault, as data. Every fault has an inverse that heals it (crash/restart, partition/heal,
 * clog/unclog, a network knob and the same knob set back to zero); {@link HealAll} undoes them all,
 * which is how a run moves from its safety phase to its liveness phase.
 *
 * <p>Durations are virtual nanoseconds. The text form of each kind is in {@link FaultSchedule}.
 */
public sealed interface Fault {

  /** The node crashes: timers, mailbox, in-flight inbound messages, unsynced writes and its actors are gone. */
  record Crash(NodeId node) implements Fault {}

  /** A crashed node starts again from its factory, with only its disk. Restarting a live node does nothing. */
  record Restart(NodeId node) implements Fault {}

  /** A stop-the-world stall: the node handles nothing for the duration, then catches up. */
  record Pause(NodeId node, long durationNanos) implements Fault {
    public Pause {
      requirePositive(durationNanos, "pause duration");
    }
  }

  /** One actor inside a node dies (a worker thread that threw); its node lives on. */
  record Kill(NodeId actor) implements Fault {
    public Kill {
      if (!actor.isActor()) {
        throw new IllegalArgumentException("kill takes an actor (node/actor), not a node: " + actor);
      }
    }
  }

  /**
   * Messages from {@code side} to {@code otherSide} are dropped, and the other way too unless
   * {@code oneWay}. Node names cover the node's actors.
   */
  record Partition(SortedSet<NodeId> side, SortedSet<NodeId> otherSide, boolean oneWay) implements Fault {
    public Partition {
      side = java.util.Collections.unmodifiableSortedSet(new TreeSet<>(side));
      otherSide = java.util.Collections.unmodifiableSortedSet(new TreeSet<>(otherSide));
      if (side.isEmpty() || otherSide.isEmpty()) {
        throw new IllegalArgumentException("a partition needs a node on each side");
      }
      for (NodeId node : side) {
        if (otherSide.contains(node)) {
          throw new IllegalArgumentException("node on both sides of a partition: " + node);
        }
      }
    }
  }

  /** Removes every partition. */
  record Heal() implements Fault {}

  /** Messages from source to target are held, not lost, for the duration, then delivered (FoundationDB's clog). */
  record Clog(NodeId source, NodeId target, long durationNanos) implements Fault {
    public Clog {
      requirePositive(durationNanos, "clog duration");
    }
  }

  /** Releases a clogged link now. */
  record Unclog(NodeId source, NodeId target) implements Fault {}

  /** Every message gets an extra delay, uniform in {@code [minNanos, maxNanos]}; {@code 0..0} heals. */
  record Delay(long minNanos, long maxNanos) implements Fault {
    public Delay {
      if (minNanos < 0 || maxNanos < minNanos) {
        throw new IllegalArgumentException("delay needs 0 <= min <= max: " + minNanos + ".." + maxNanos);
      }
    }
  }

  /** Each message is lost with this probability; {@code 0} heals. */
  record Loss(Ratio ratio) implements Fault {}

  /** Each message is delivered twice with this probability; {@code 0} heals. */
  record Duplicate(Ratio ratio) implements Fault {}

  /** Each message is held back behind later ones with this probability; {@code 0} heals. */
  record Reorder(Ratio ratio) implements Fault {}

  /** Sets the node's clock offset from true time (negative: behind). */
  record ClockOffset(NodeId node, long offsetNanos) implements Fault {}

  /** Steps the node's clock by {@code deltaNanos}, forwards or backwards, as an NTP step does. */
  record ClockJump(NodeId node, long deltaNanos) implements Fault {}

  /** Sets the node's clock drift, in parts per million of elapsed time (negative: slow). */
  record ClockDrift(NodeId node, long partsPerMillion) implements Fault {
    public ClockDrift {
      // Not Math.abs: it returns Long.MIN_VALUE for Long.MIN_VALUE, which would pass the check.
      if (partsPerMillion < -1_000_000 || partsPerMillion > 1_000_000) {
        throw new IllegalArgumentException("drift beyond +/-1,000,000 ppm: " + partsPerMillion);
      }
    }
  }

  /**
   * A disk fault corrupts bytes of one stored (synced) record of the node's disk.
   *
   * @param lastBytes where in the chosen file: within its last {@code lastBytes} durable bytes, or
   *     anywhere when 0. Near the end is where a recovery that cuts at the damage loses the least:
   *     one record, or a few, which is where off-by-one bugs in what follows a cut live, while damage
   *     drawn anywhere in a file mostly loses a large part of it.
   */
  record CorruptDisk(NodeId node, long lastBytes) implements Fault {
    public CorruptDisk {
      if (lastBytes < 0) {
        throw new IllegalArgumentException("lastBytes must not be negative: " + lastBytes);
      }
    }

    /** Damage anywhere in a stored file. */
    public CorruptDisk(NodeId node) {
      this(node, 0);
    }
  }

  /** The workload sends a burst of {@code size} extra requests at once (see {@code BurstLoadGenerator}). */
  record Burst(int size) implements Fault {
    public Burst {
      if (size <= 0) {
        throw new IllegalArgumentException("burst size must be positive: " + size);
      }
    }
  }

  /**
   * Heals everything: partitions, clogs, network knobs, clock offsets and drift, pauses; restarts
   * crashed nodes. Killed actors are the node's own business (its supervisor restarts them).
   */
  record HealAll() implements Fault {}

  private static void requirePositive(long nanos, String what) {
    if (nanos <= 0) {
      throw new IllegalArgumentException(what + " must be positive: " + nanos + "ns");
    }
  }
}
