/**
 * The engine's metrics, named as in docs/engine.md: recorded against the runtime's clock, read by tests
 * and reports through an immutable {@link io.detsim.engine.metrics.MetricsSnapshot}, exported in
 * the Prometheus text format. {@link io.detsim.engine.metrics.EngineMetrics} is the entry class;
 * {@link io.detsim.engine.metrics.MetricNames} holds the names.
 *
 * <p>Pure state, like the rest of the engine: nothing here schedules, blocks or reads the wall
 * clock, and the same recordings in the same order give the same snapshot and the same bytes.
 */
package io.detsim.engine.metrics;
