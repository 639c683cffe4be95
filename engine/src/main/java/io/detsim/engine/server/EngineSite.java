package io.detsim.engine.server;

/**
 * BUGGIFY sites: places where real systems fail or slow down, which a simulated run may enable
 * (FoundationDB's BUGGIFY). A site changes timing or takes a legal but unusual path; none breaks a
 * guarantee in correct code.
 */
public enum EngineSite {
  /** A log sync is held back before it starts, as a slow disk or a busy flusher would. */
  SLOW_SYNC,
  /** A batch is cut down to one item, as under memory pressure. */
  SHORT_BATCH,
  /** The supervisor's heartbeat timeout fires early and restarts a worker that was only slow. */
  EARLY_TIMEOUT,
  /** A healthy worker dies (an uncaught exception in a real thread). */
  SPURIOUS_WORKER_DEATH,
  /** A status message to clients goes out late. */
  DELAYED_STATUS,
  /**
   * The log compacts long before its threshold, as a small configured threshold would make it: so
   * that runs of a few seconds with crashes reach compaction and snapshot install at all.
   */
  EARLY_COMPACTION,
  /**
   * Sessions expire after a fraction of a second idle, as a small configured timeout would make
   * them: so that runs of a few seconds with partitions, pauses and crashes reach expiry and
   * resumption at all (the default is 300 s, checked every 10 s).
   */
  SHORT_IDLE_TIMEOUT,
  /**
   * A worker answers a recall only after 5 to 100 ms, indexing on meanwhile, as a recall queued
   * behind large batches is: so that a snapshot recall meets a graph grown well past its snapshot,
   * where a search that does not filter what it traverses (an entry point, a layer above) shows it.
   * Without it, the answer comes within one batch of the snapshot and the graph barely differs.
   */
  LATE_RECALL,
  /**
   * A LOW item is promoted after 1 to 50 ms instead of 1 s, as a small configured bound would make
   * it: so that runs of seconds reach LOW promotion at all, and the queue's check that no NORMAL item
   * passes over a due LOW one is exercised.
   */
  SHORT_LOW_PROMOTION
}
