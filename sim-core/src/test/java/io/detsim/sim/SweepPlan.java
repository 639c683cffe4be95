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
 * The kernel sweep's plan of a seed (KernelSeedSweepTest): a random subset of the fault kinds, a coin
 * each, and the standing knobs of those enabled, as a plain function of the seed. The product's swarm
 * is {@code io.detsim.properties.scenario.Swarm}, drawn from choices so that it shrinks; the
 * kernel's tests cannot depend on the property core, so they keep this seed function, which also
 * draws the knobs only the kernel has (delay tails, sync latency).
 */
final class SweepPlan {
  private static final long MS = 1_000_000L;

  private SweepPlan() {}

  /** What a seed enables: the world's options, and the kinds a schedule for it may use. */
  record Plan(SimOptions options, Set<FaultKind> enabled) {
    Plan {
      enabled = Collections.unmodifiableSet(enabled.isEmpty() ? EnumSet.noneOf(FaultKind.class) : EnumSet.copyOf(enabled));
    }

    boolean isEnabled(FaultKind kind) {
      return enabled.contains(kind);
    }
  }

  /** The plan of {@code seed}, with every fault kind eligible. */
  static Plan plan(long seed) {
    return plan(seed, EnumSet.allOf(FaultKind.class));
  }

  /** The plan of {@code seed}, choosing among {@code eligible} kinds only (a scenario's fault model). */
  static Plan plan(long seed, Set<FaultKind> eligible) {
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
