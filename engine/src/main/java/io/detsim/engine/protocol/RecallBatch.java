package io.detsim.engine.protocol;

import java.util.List;
import java.util.Objects;

/**
 * One page of a recall's answer. A recall's results are computed once, against one snapshot, and
 * then paged, so pages never change under the reader (no phantom results mid-stream).
 *
 * @param requestId echoed from the {@link Recall}
 * @param batchIndex 0 for the first page, so that a reordered page can be put back in place
 * @param more true when later pages follow
 * @param snapshotGeneration the index generation the recall saw
 * @param reason why the recall was refused (then no results and no more pages); null when it was not
 */
public record RecallBatch(
    long requestId, int batchIndex, List<RecallHit> results, boolean more, long snapshotGeneration, RejectReason reason)
    implements ServerMessage {

  public RecallBatch {
    results = List.copyOf(results);
    if (batchIndex < 0 || snapshotGeneration < 0) {
      throw new IllegalArgumentException("batch index and generation must not be negative");
    }
    if (reason != null && (more || !results.isEmpty())) {
      throw new IllegalArgumentException("a refused recall has no results and no more pages");
    }
  }

  /** The answer to a recall the server refuses. */
  public static RecallBatch rejected(long requestId, RejectReason reason) {
    return new RecallBatch(requestId, 0, List.of(), false, 0, Objects.requireNonNull(reason, "reason"));
  }

  @Override
  public String traceDetail() {
    String head = "recall-batch req=" + requestId + " #" + batchIndex;
    if (reason != null) {
      return head + " REJECTED " + reason.name();
    }
    return head + " hits=" + results.size() + " more=" + more + " gen=" + snapshotGeneration;
  }
}
