/**
 * The kernel's front door: {@link io.detsim.sim.Simulation} holds one simulated world (nodes, network,
 * clocks, disks, faults, trace) on one single-threaded scheduler of virtual time, seeded by one
 * {@code long}. The same seed, schedule and code give the same run, event for event, and the same
 * digest, on every machine and JDK. Options records ({@link io.detsim.sim.SimOptions}) default to
 * no fault. The machinery (scheduler, network, clocks, BUGGIFY) is package-private here:
 * {@code Simulation} is how it is driven, with fault verbs and their inverses and read-only stats.
 */
package io.detsim.sim;
