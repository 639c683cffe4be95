/**
 * The end-to-end benchmark of the real engine: an open-loop stream of observations into an
 * {@link io.detsim.engine.real.EmbeddedEngine}, latency from each observation's intended send time
 * (no coordinated omission), a recall probe during the stream, and a report (Markdown table,
 * HdrHistogram {@code .hgrm} files, a self-contained HTML chart).
 *
 * <p>Entry points: {@link io.detsim.bench.real.RealBenchCommand} ({@code detsim bench real})
 * and {@link io.detsim.bench.real.RealBench#main} for a standalone run. See
 * docs/benchmarks.md. This package runs threads and reads the wall clock: it measures the real
 * runtime and is no part of any simulation.
 */
package io.detsim.bench.real;
