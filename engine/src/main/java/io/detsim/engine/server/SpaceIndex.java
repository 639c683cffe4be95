package io.detsim.engine.server;

import io.detsim.engine.index.HnswIndex;
import io.detsim.engine.planted.EngineMutant;
import io.detsim.engine.protocol.SpaceId;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * One memory space's index and its generation counter. One writer at a time (the worker that owns
 * the space, or the server during recovery); ownership moves with a batch message, which orders the
 * hand-over. Each inserted observation takes the next generation, so generations record the order
 * in which the space's observations became visible.
 */
final class SpaceIndex {
  private final SpaceId space;
  private final HnswIndex index;
  /**
   * The client's ids, by generation less one: generations are 1, 2, 3... in insert order, so a list
   * holds them with a reference each, where a map by id held a boxed key and an entry as well: 74
   * bytes an observation more, measured (docs/benchmarks.md, whole-engine heap).
   */
  private final List<String> memoryIds = new ArrayList<>();
  private long generation;
  private final boolean idsShifted;

  /** A space index with the planted bug of {@code planted} that lives here (recall-ids-shifted). */
  SpaceIndex(SpaceId space, HnswIndex index, Set<EngineMutant> planted) {
    this.space = space;
    this.index = index;
    this.idsShifted = planted.contains(EngineMutant.RECALL_IDS_SHIFTED);
  }

  SpaceId space() {
    return space;
  }

  HnswIndex index() {
    return index;
  }

  /** The generation of the last observation inserted: a snapshot recall at it sees everything so far. */
  long generation() {
    return generation;
  }

  /**
   * Inserts unless present (a re-delivered batch); returns true when it was new. {@code vector} is
   * the held observation's own array ({@link io.detsim.engine.protocol.Episode#sharedEmbedding}):
   * the index keeps it, not a copy, when it is already a unit vector.
   */
  boolean insert(long id, String memoryId, float[] vector) {
    if (index.contains(id)) {
      return false;
    }
    index.insertShared(id, vector, generation + 1);
    generation++;
    memoryIds.add(memoryId);
    return true;
  }

  /** The client's id of the observation indexed under {@code id}: one this space's index holds. */
  String memoryIdOf(long id) {
    long generation = index.generationOf(id);
    long slot = idsShifted && generation > 1 ? generation - 2 : generation - 1; // the planted bug reads one low
    return memoryIds.get(StrictMath.toIntExact(slot));
  }
}
