/**
 * The real runtime: nodes written against detsim's ports, on threads, the monotonic clock and
 * files, the same node code that runs in simulation. It serves any nodes, not only the engine's.
 *
 * <p>Entry point: {@link io.detsim.runtime.RealRuntime} (add nodes, start, post messages, crash
 * and restart, shut down). This is the one module of detsim exempt from the determinism rules:
 * it is where threads, wall time and files live, and it depends on the ports alone, so nothing
 * simulated can reach it by accident.
 */
package io.detsim.runtime;
