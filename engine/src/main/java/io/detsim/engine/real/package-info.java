/**
 * The real runtime: the engine's nodes, written against sim-core's ports, on threads, the monotonic
 * clock and files, and the embedded engine built on it.
 *
 * <p>Entry points: {@link io.detsim.engine.real.EmbeddedEngine} (start with an
 * {@link io.detsim.engine.real.EmbeddedConfig}; offer, recall, metrics, shutdown) for programs that
 * use the engine, and {@link io.detsim.engine.real.RealRuntime} for running any nodes (the engine
 * server, the simulator's {@code StreamingClient}) outside the simulator. This is the one package
 * of the engine exempt from the determinism rules; nothing else in the engine may depend on it, so
 * the engine code stays the same on both runtimes.
 */
package io.detsim.engine.real;
