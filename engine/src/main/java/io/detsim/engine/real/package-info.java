/**
 * The embedded engine: the engine's nodes on the real runtime ({@link io.detsim.runtime.RealRuntime},
 * threads, the monotonic clock and files), behind a thread-safe API.
 *
 * <p>Entry point: {@link io.detsim.engine.real.EmbeddedEngine} (start with an
 * {@link io.detsim.engine.real.EmbeddedConfig}; offer, recall, metrics, shutdown) for programs that
 * use the engine. This is the one package of the engine exempt from the determinism rules; nothing
 * else in the engine may depend on it, so the engine code stays the same on both runtimes.
 */
package io.detsim.engine.real;
