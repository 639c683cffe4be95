package io.detsim.engine.queue;

/**
 * Lifetime counts of an {@link ObservationQueue}, for metrics and for checks such as
 * "admitted = dequeued + depth".
 *
 * @param promoted LOW items served ahead of waiting NORMAL ones
 */
public record QueueStats(long admitted, long rejectedLaneFull, long rejectedOverloaded, long dequeued, long promoted) {}
