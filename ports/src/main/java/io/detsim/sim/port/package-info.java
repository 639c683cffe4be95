/**
 * The ports: the only part of sim-core that the system under test may see.
 *
 * <p>Code written against these interfaces runs unchanged on the simulator (virtual time, seeded
 * faults, exact replay) and on a real runtime (threads, the monotonic clock, files). The contract
 * every implementation keeps is that of {@link io.detsim.sim.port.Node}: one handler at a time, to
 * completion, never blocking.
 */
package io.detsim.sim.port;
