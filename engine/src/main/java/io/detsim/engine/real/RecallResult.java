package io.detsim.engine.real;

import io.detsim.engine.protocol.RecallHit;
import io.detsim.engine.protocol.RejectReason;
import java.util.List;

/**
 * The answer to one {@link EmbeddedEngine#recall}: the nearest memories of the space, best first,
 * as of one snapshot of its index.
 *
 * @param snapshotGeneration the index generation the recall saw (0 for a space nothing was indexed in)
 * @param refusal why the recall was refused: INVALID_INPUT (by the server: cue or k), OVER_CAPACITY (at once,
 *     when {@link EmbeddedEngine#PENDING_RECALLS_MAX} were pending); null when it was answered
 */
public record RecallResult(List<RecallHit> hits, long snapshotGeneration, RejectReason refusal) {
  public RecallResult {
    hits = List.copyOf(hits);
  }
}
