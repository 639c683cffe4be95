package io.detsim.sim;

import io.detsim.sim.buggify.BuggifyOptions;
import io.detsim.sim.disk.DiskOptions;
import io.detsim.sim.net.NetworkOptions;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Objects;
import java.util.Set;

/**
 * Everything a run's world is made of besides its seed and its schedule. {@link #none()} is a
 * healthy world: real latencies, no faults, ties in insertion order, no planted bug.
 *
 * @param shuffleTies order events that fall on the same instant randomly (from the seed)
 * @param planted the bugs planted in the system for this run, which its nodes read through
 *     {@link io.detsim.sim.port.NodeContext#planted}: any enum constants the system defines
 */
public record SimOptions(NetworkOptions network, DiskOptions disk, BuggifyOptions buggify, boolean shuffleTies,
    Set<Enum<?>> planted) {
  public SimOptions {
    Objects.requireNonNull(network, "network");
    Objects.requireNonNull(disk, "disk");
    Objects.requireNonNull(buggify, "buggify");
    planted = Collections.unmodifiableSet(new LinkedHashSet<>(planted)); // in the caller's order
  }

  /** A world with no planted bug. */
  public SimOptions(NetworkOptions network, DiskOptions disk, BuggifyOptions buggify, boolean shuffleTies) {
    this(network, disk, buggify, shuffleTies, Collections.emptySet());
  }

  public static SimOptions none() {
    return new SimOptions(NetworkOptions.none(), DiskOptions.none(), BuggifyOptions.none(), false);
  }

  public SimOptions withNetwork(NetworkOptions network) {
    return new SimOptions(network, disk, buggify, shuffleTies, planted);
  }

  public SimOptions withDisk(DiskOptions disk) {
    return new SimOptions(network, disk, buggify, shuffleTies, planted);
  }

  public SimOptions withBuggify(BuggifyOptions buggify) {
    return new SimOptions(network, disk, buggify, shuffleTies, planted);
  }

  public SimOptions withShuffleTies(boolean shuffleTies) {
    return new SimOptions(network, disk, buggify, shuffleTies, planted);
  }

  /** The same world with {@code bugs} planted in its system (and no others). */
  public SimOptions withPlanted(Set<? extends Enum<?>> bugs) {
    return new SimOptions(network, disk, buggify, shuffleTies, Collections.unmodifiableSet(bugs));
  }
}
