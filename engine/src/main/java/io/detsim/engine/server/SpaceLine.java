package io.detsim.engine.server;

import io.detsim.engine.index.HnswIndex;
import io.detsim.engine.protocol.SpaceId;
import java.util.ArrayDeque;
import java.util.TreeMap;

/**
 * A space's place in the dispatcher: the order its observations were admitted in, those of them
 * that have left the queue and wait for a worker, which worker owns the space, and whether a batch
 * of it is out. The queue's lanes decide which spaces are served first; within a space, batches go
 * out one at a time and in admission order, which is what keeps one writer per space and the
 * space's index in acceptance order (guarantees 3 and 4) even when a later observation travelled in
 * a faster lane.
 */
final class SpaceLine {
  private final SpaceIndex index;
  final ArrayDeque<Long> admitted = new ArrayDeque<>(); // LSNs in admission order, not yet dispatched
  final TreeMap<Long, StoredObservation> staged = new TreeMap<>(); // out of the queue, by LSN
  int owner;
  int batchesOut;
  long visibleGeneration; // as acknowledged by workers: what a snapshot recall captures
  // Recalls the owner is answering. A space with one out is not stolen: on the real runtime the
  // old owner's search would race the new owner's inserts on the same index.
  int recallsOut;

  SpaceLine(SpaceIndex index, int owner) {
    this.index = index;
    this.owner = owner;
  }

  /**
   * The space's index, for the server's own handlers (a report's check, recovery's inserts): only
   * while no batch of the space is out. While one is, a worker writes the index on its own thread
   * (on the real runtime), and a read from the server's thread races that write; a hash lookup that
   * meets a table half-way through growing fails, or answers wrongly. The simulator runs one thread
   * and would never show that race, so this check makes every simulated run refuse the read instead.
   */
  SpaceIndex atHome() {
    if (batchesOut > 0) {
      throw new AssertionError("the server read space " + index.space().value() + "'s index while worker "
          + owner + " writes it (a batch of the space is out)");
    }
    return index;
  }

  /**
   * The space's index to hand to its owner in a batch or a recall: the message orders the hand-over,
   * and from its arrival the index is the worker's until the batch comes back.
   */
  SpaceIndex handedToWorker() {
    return index;
  }

  /**
   * The space's index, for inspection between events (tests, validators) and never from a handler:
   * in the simulator nothing runs meanwhile; on the real runtime, only once the engine is quiet.
   */
  HnswIndex inspected() {
    return index.index();
  }

  SpaceId space() {
    return index.space();
  }

  /** True when the next observation in admission order has left the queue. */
  boolean hasDispatchableHead() {
    return !admitted.isEmpty() && staged.containsKey(admitted.peekFirst());
  }
}
