/**
 * BUGGIFY, after FoundationDB: named fault points in the system under test, each enabled for a run
 * with a seeded probability and then firing with another. A site is an enum constant of the system
 * under test; the simulation answers, the real runtime always says no. Here are its options; the
 * sites' fates are drawn by the kernel, in {@code io.detsim.sim}.
 */
package io.detsim.sim.buggify;
