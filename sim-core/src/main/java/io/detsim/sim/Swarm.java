package io.detsim.sim;

import io.detsim.sim.buggify.BuggifyOptions;
import io.detsim.sim.disk.DiskOptions;
import io.detsim.sim.fault.FaultKind;
import io.detsim.sim.net.NetworkOptions;
import io.detsim.sim.port.RandomSource;
import io.detsim.sim.port.Ratio;
import io.detsim.sim.random.RandomStreams;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;

/**
 * Swarm testing [1]: each seed enables a random subset of the fault kinds, each with a coin flip,
 * and draws the standing knobs of the kinds it enabled. A run with every fault at once is rarely the
 * run that finds a bug: one fault masks another (a partition hides the reordering it would have
 * exposed). Random subsets give rare combinations their turn, and a seed with no faults at all
 * keeps the happy path tested too. A plain function of the seed, as in TigerBeetle's VOPR.
 *
 * <p>[1] A. Groce, C. Zhang, E. Eide, Y. Chen, J. Regehr, "Swarm testing", ISSTA 2012.
 */
public final class Swarm {
  private static final long MS = 1_000_000L;

  private Swarm() {}

  /** What a seed enables: the world's options, and the kinds a schedule for it may use. */
  public record Plan(SimOptions options, Set<FaultKind> enabled) {
    public Plan {
      enabled = Collections.unmodifiableSet(enabled.isEmpty() ? EnumSet.noneOf(FaultKind.class) : EnumSet.copyOf(enabled));
    }

    public boolean isEnabled(FaultKind kind) {
      return enabled.contains(kind);
    }
  }

  /** The plan of {@code seed}, with every fault kind eligible. */
  public static Plan plan(long seed) {
    return plan(seed, EnumSet.allOf(FaultKind.class));
  }

  /** The plan of {@code seed}, choosing among {@code eligible} kinds only (a scenario's fault model). */
  public static Plan plan(long seed, Set<FaultKind> eligible) {
    RandomSource random = new RandomStreams(seed).stream("swarm");
    EnumSet<FaultKind> enabled = EnumSet.noneOf(FaultKind.class);
    for (FaultKind kind : FaultKind.values()) {
      boolean coin = random.chance(Ratio.of(1, 2)); // drawn for every kind, so eligibility shifts nothing
      if (coin && eligible.contains(kind)) {
        enabled.add(kind);
      }
    }
    return new Plan(options(enabled, random), enabled);
  }

  private static SimOptions options(Set<FaultKind> enabled, RandomSource random) {
    NetworkOptions network = NetworkOptions.none();
    if (enabled.contains(FaultKind.DELAY)) {
      network = network.withTail(Ratio.of(1, random.nextLong(10, 100)), random.nextLong(10, 200) * MS);
    }
    if (enabled.contains(FaultKind.LOSS)) {
      network = network.withLoss(Ratio.of(1, random.nextLong(10, 1_000)));
    }
    if (enabled.contains(FaultKind.DUPLICATE)) {
      network = network.withDuplicate(Ratio.of(1, random.nextLong(10, 200)));
    }
    if (enabled.contains(FaultKind.REORDER)) {
      network = network.withReorder(Ratio.of(1, random.nextLong(5, 100)));
    }
    DiskOptions disk = DiskOptions.none();
    if (enabled.contains(FaultKind.DISK)) {
      disk = disk.withTornWriteRatio(Ratio.of(1, random.nextLong(1, 4)))
          .withSyncLatencyNanos(100_000, random.nextLong(1, 20) * MS);
    }
    BuggifyOptions buggify = enabled.contains(FaultKind.BUGGIFY) ? BuggifyOptions.standard() : BuggifyOptions.none();
    return new SimOptions(network, disk, buggify, enabled.contains(FaultKind.SHUFFLE_TIES));
  }
}
