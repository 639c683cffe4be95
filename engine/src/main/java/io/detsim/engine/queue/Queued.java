package io.detsim.engine.queue;

import io.detsim.engine.protocol.Priority;
import java.util.Objects;

/**
 * An item as it left the queue.
 *
 * @param priority the lane it was offered to (also for a promoted LOW item)
 * @param enqueuedAtNanos the queue's time when it was admitted, for the queue-wait histogram
 * @param promoted true when it was a LOW item served ahead of waiting NORMAL items because it had
 *     waited past the promotion bound
 */
public record Queued<T>(T item, Priority priority, long enqueuedAtNanos, boolean promoted) {

  public Queued {
    Objects.requireNonNull(item, "item");
    Objects.requireNonNull(priority, "priority");
  }
}
