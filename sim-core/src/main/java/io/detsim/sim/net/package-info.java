/**
 * The simulated network: one-way latency per message, and the standing faults a run enables
 * (loss, duplication, reordering as exact ratios) beside the timed ones (partitions, clogged
 * links). A message to a crashed or partitioned node is dropped and traced, never delivered late
 * by accident.
 */
package io.detsim.sim.net;
