package io.detsim.engine.client;

import io.detsim.engine.protocol.RecallHit;
import io.detsim.engine.protocol.RejectReason;
import io.detsim.engine.protocol.SessionId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.TreeMap;

/**
 * One recall the client's probe sent, and the pages of its answer as they arrived. Times are
 * client-clock readings (see {@link ObservationRecord}). A page that arrives twice (the network
 * duplicated it) is kept once, the first copy.
 */
public final class RecallRecord {

  /** One {@code RecallBatch} of the answer. */
  public record Page(
      int batchIndex, long receivedAtNanos, List<RecallHit> hits, boolean more, long snapshotGeneration,
      RejectReason reason) {
    public Page {
      hits = List.copyOf(hits);
    }

    /** The results' memory ids, best first. */
    public List<String> memoryIds() {
      List<String> ids = new ArrayList<>(hits.size());
      for (RecallHit hit : hits) {
        ids.add(hit.memoryId());
      }
      return ids;
    }
  }

  private final long requestId;
  private final String space;
  private final SessionId session;
  private final float[] cue;
  private final int maxResults;
  private final boolean snapshot;
  private final long sentAtNanos;
  private final long indexedHeardBefore;
  private final TreeMap<Integer, Page> pages = new TreeMap<>();

  RecallRecord(long requestId, String space, SessionId session, float[] cue, int maxResults, boolean snapshot,
      long sentAtNanos, long indexedHeardBefore) {
    this.requestId = requestId;
    this.space = Objects.requireNonNull(space, "space");
    this.session = session;
    this.cue = cue.clone();
    this.maxResults = maxResults;
    this.snapshot = snapshot;
    this.sentAtNanos = sentAtNanos;
    this.indexedHeardBefore = indexedHeardBefore;
  }

  public long requestId() {
    return requestId;
  }

  public String space() {
    return space;
  }

  /** The session the recall named, or null if the client had none open then. */
  public SessionId session() {
    return session;
  }

  public float[] cue() {
    return cue.clone();
  }

  public int maxResults() {
    return maxResults;
  }

  public boolean snapshot() {
    return snapshot;
  }

  public long sentAtNanos() {
    return sentAtNanos;
  }

  /**
   * How many INDEXED acknowledgements its client had heard when it sent this recall: the
   * observations whose {@link ObservationRecord#indexedOrdinal} is at most this were INDEXED before.
   */
  public long indexedHeardBefore() {
    return indexedHeardBefore;
  }

  /** The pages received so far, by batch index. */
  public List<Page> pages() {
    return Collections.unmodifiableList(new ArrayList<>(pages.values()));
  }

  /** True once page 0 and every page up to one with {@code more == false} arrived. */
  public boolean isComplete() {
    int expected = 0;
    for (Page page : pages.values()) {
      if (page.batchIndex() != expected) {
        return false;
      }
      if (!page.more()) {
        return true;
      }
      expected++;
    }
    return false;
  }

  /** Every result's memory id, pages in order. */
  public List<String> memoryIds() {
    List<String> ids = new ArrayList<>();
    for (Page page : pages.values()) {
      ids.addAll(page.memoryIds());
    }
    return ids;
  }

  /** Adds a page; false if that page had arrived already. */
  boolean addPage(Page page) {
    return pages.putIfAbsent(page.batchIndex(), page) == null;
  }
}
