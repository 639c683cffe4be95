/**
 * Admission control and the observation queue: three bounded priority lanes, pressure states,
 * retry-after, and the adaptive batch size. {@link io.detsim.engine.queue.ObservationQueue} is the
 * entry class.
 *
 * <p>Pure state: time arrives as {@code nowNanos} arguments; nothing here schedules or blocks.
 */
package io.detsim.engine.queue;
