/**
 * Seeded randomness: SplitMix64 and xoshiro256** generators, and {@code RandomStreams}, which derives
 * an independent stream per (seed, name), so a new draw in one subsystem shifts no other. The only
 * randomness simulated code may use.
 */
package io.detsim.sim.random;
