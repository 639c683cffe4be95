package io.detsim.engine.queue;

import java.util.List;
import java.util.Objects;

/**
 * What {@link ObservationQueue#poll} took, in serving order.
 *
 * @param state the queue's pressure state after the poll
 * @param stateChanged true when the poll moved the pressure state (the server sends Status then)
 */
public record Batch<T>(List<Queued<T>> items, PressureState state, boolean stateChanged) {

  public Batch {
    items = List.copyOf(items);
    Objects.requireNonNull(state, "state");
  }

  public int size() {
    return items.size();
  }

  public boolean isEmpty() {
    return items.isEmpty();
  }
}
