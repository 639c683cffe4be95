package io.detsim.sim;

import io.detsim.sim.buggify.BuggifyOptions;
import io.detsim.sim.disk.DiskOptions;
import io.detsim.sim.net.NetworkOptions;

/**
 * Everything a run's world is made of besides its seed and its schedule. {@link #none()} is a
 * healthy world: real latencies, no faults, ties in insertion order.
 *
 * @param shuffleTies order events that fall on the same instant randomly (from the seed)
 */
public record SimOptions(NetworkOptions network, DiskOptions disk, BuggifyOptions buggify, boolean shuffleTies) {
  public SimOptions {
    java.util.Objects.requireNonNull(network, "network");
    java.util.Objects.requireNonNull(disk, "disk");
    java.util.Objects.requireNonNull(buggify, "buggify");
  }

  public static SimOptions none() {
    return new SimOptions(NetworkOptions.none(), DiskOptions.none(), BuggifyOptions.none(), false);
  }

  public SimOptions withNetwork(NetworkOptions network) {
    return new SimOptions(network, disk, buggify, shuffleTies);
  }

  public SimOptions withDisk(DiskOptions disk) {
    return new SimOptions(network, disk, buggify, shuffleTies);
  }

  public SimOptions withBuggify(BuggifyOptions buggify) {
    return new SimOptions(network, disk, buggify, shuffleTies);
  }

  public SimOptions withShuffleTies(boolean shuffleTies) {
    return new SimOptions(network, disk, buggify, shuffleTies);
  }
}
