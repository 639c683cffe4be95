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
import io.detsim.sim.port.Ratio;
import io.detsim.sim.random.Xoshiro256;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * Random schedules for round-trip tests, biased towards the values that break printers: zero, one
 * nanosecond, the ends of a long, exact decimals of every unit, equal times, odd but valid names.
 */
final class RandomSchedules {
  private static final int KINDS = 18;
  private static final String FIRST_CHARS = "abcdefghijklmnopqrstuvwxyz0123456789";
  private static final String NAME_CHARS = FIRST_CHARS + "_.-";
  private static final long[] UNITS = {1, 1_000, 1_000_000, 1_000_000_000, 60_000_000_000L};
  private static final List<NodeId> COMMON = List.of(NodeId.of("server"), NodeId.of("client-1"), NodeId.of("client-2"));

  private final Xoshiro256 random;

  RandomSchedules(long seed) {
    this.random = new Xoshiro256(seed);
  }

  FaultSchedule schedule() {
    int size = random.nextInt(25);
    List<ScheduledFault> entries = new ArrayList<>();
    long previousNanos = 0;
    for (int i = 0; i < size; i++) {
      // A third of the entries share the previous time, so the order of equal times is exercised.
      long atNanos = random.nextInt(3) == 0 ? previousNanos : nonNegativeNanos();
      entries.add(new ScheduledFault(atNanos, fault(random.nextInt(KINDS))));
      previousNanos = atNanos;
    }
    return FaultSchedule.of(entries);
  }

  Fault fault(int kind) {
    switch (kind) {
      case 0: return new Crash(node());
      case 1: return new Restart(node());
      case 2: return new Pause(node(), positiveNanos());
      case 3: return new Kill(actor());
      case 4: return partition();
      case 5: return new Heal();
      case 6: return new Clog(node(), node(), positiveNanos());
      case 7: return new Unclog(node(), node());
      case 8: return delay();
      case 9: return new Loss(ratio());
      case 10: return new Duplicate(ratio());
      case 11: return new Reorder(ratio());
      case 12: return new ClockOffset(node(), signedNanos());
      case 13: return new ClockJump(node(), signedNanos());
      case 14: return new ClockDrift(node(), pick(-1_000_000, 1_000_000, 0, random.nextLong(-1_000_000, 1_000_000)));
      case 15: return new CorruptDisk(node(), pick(0, 1, 64, Long.MAX_VALUE, random.nextLong(0, Long.MAX_VALUE)));
      case 16: return new Burst((int) pick(1, Integer.MAX_VALUE, 10_000, random.nextLong(1, Integer.MAX_VALUE)));
      case 17: return new HealAll();
      default: throw new AssertionError("no fault kind " + kind);
    }
  }

  long nonNegativeNanos() {
    long nanos = signedNanos();
    return nanos == Long.MIN_VALUE ? Long.MAX_VALUE : Math.abs(nanos);
  }

  long signedNanos() {
    switch (random.nextInt(4)) {
      case 0:
        return pick(0, 1, Long.MAX_VALUE, Long.MIN_VALUE);
      case 1:
        return random.nextLong(); // odd nanoseconds, the widest text
      case 2: // a decimal with up to three places in some unit: 1.25s, 0.5ms
        long unit = UNITS[random.nextInt(UNITS.length)];
        return random.nextLong(-100_000, 100_000) * Math.max(1, unit / 1_000);
      default:
        return random.nextLong(-1_000, 1_000) * UNITS[random.nextInt(UNITS.length)];
    }
  }

  private long positiveNanos() {
    long nanos = nonNegativeNanos();
    return nanos == 0 ? 1 : nanos;
  }

  private Delay delay() {
    long first = nonNegativeNanos();
    long second = random.nextInt(4) == 0 ? first : nonNegativeNanos();
    return new Delay(Math.min(first, second), Math.max(first, second));
  }

  private Ratio ratio() {
    switch (random.nextInt(4)) {
      case 0:
        return random.nextInt(2) == 0 ? Ratio.NEVER : Ratio.ALWAYS;
      case 1:
        long denominator = random.nextLong(1, Long.MAX_VALUE);
        return Ratio.of(random.nextLong(0, denominator), denominator);
      default:
        long small = random.nextLong(1, 1_000);
        return Ratio.of(random.nextLong(0, small), small);
    }
  }

  private Partition partition() {
    TreeSet<NodeId> side = new TreeSet<>();
    TreeSet<NodeId> otherSide = new TreeSet<>();
    int count = 2 + random.nextInt(5);
    for (int i = 0; i < count; i++) {
      NodeId node = random.nextInt(3) == 0 ? actor() : node();
      if (!side.contains(node) && !otherSide.contains(node)) {
        (side.isEmpty() || (!otherSide.isEmpty() && random.nextInt(2) == 0) ? side : otherSide).add(node);
      }
    }
    if (otherSide.isEmpty()) { // every draw was the same node: add one that cannot clash
      otherSide.add(NodeId.of(side.first().process().name() + "-other"));
    }
    return new Partition(side, otherSide, random.nextInt(2) == 0);
  }

  private NodeId node() {
    return random.nextInt(2) == 0 ? COMMON.get(random.nextInt(COMMON.size())) : NodeId.of(name());
  }

  private NodeId actor() {
    return node().child(name());
  }

  private String name() {
    StringBuilder name = new StringBuilder().append(FIRST_CHARS.charAt(random.nextInt(FIRST_CHARS.length())));
    int length = random.nextInt(8);
    for (int i = 0; i < length; i++) {
      name.append(NAME_CHARS.charAt(random.nextInt(NAME_CHARS.length())));
    }
    return name.toString();
  }

  private long pick(long... values) {
    return values[random.nextInt(values.length)];
  }
}
