/**
 * The simulated network: one-way latency per message, and the standing faults a run enables
 * (loss, duplication, reordering as exact ratios) beside the timed ones (partitions, clogged
 * links). A message to a crashed or partitioned node is dropped and traced, never delivered late
 * by accident. This package holds the network's options, statistics and the original design's
 * injectors; the network itself is kernel machinery in {@code io.detsim.sim}, driven through
 * {@link io.detsim.sim.Simulation}'s verbs.
 */
package io.detsim.sim.net;
