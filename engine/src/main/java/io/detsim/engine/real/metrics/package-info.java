/**
 * The real runtime's Prometheus endpoint: {@link io.detsim.engine.real.metrics.PrometheusEndpoint}
 * serves the engine's {@link io.detsim.engine.metrics.MetricsSnapshot} over HTTP through the
 * official Prometheus Java client, in every format that client negotiates.
 *
 * <p>Real code, not simulated: it has threads and sockets, so it lives under
 * {@code io.detsim.engine.real}, the one package the determinism rules exempt. The dashboards and
 * alert rules under {@code ops/} read the names it exports.
 */
package io.detsim.engine.real.metrics;
