/**
 * A run's trace drawn as a timeline in one self-contained HTML page: swimlanes per node, messages
 * as arrows, faults as shaded intervals, the violation as a red line.
 *
 * <p>Entry point: {@link io.detsim.replay.timeline.TimelineHtml#render} (or {@code write}) with a
 * {@link io.detsim.replay.timeline.TimelineContext}:
 *
 * <pre>{@code
 * List<TraceEvent> events = TraceFile.read(Path.of("run.jsonl"));
 * TimelineHtml.write(Path.of("run.html"), events,
 *     TimelineContext.titled("swarm seed 42").withViolation("DATA_LOSS", atNanos, message));
 * }</pre>
 */
package io.detsim.replay.timeline;
