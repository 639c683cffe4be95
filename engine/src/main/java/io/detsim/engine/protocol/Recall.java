package io.detsim.engine.protocol;

import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;

/**
 * Asks for the nearest neighbours of a cue in one space.
 *
 * @param requestId chosen by the client and echoed in every {@link RecallBatch} of the answer
 * @param session the client's session, or null for a recall outside any session
 * @param snapshot true for snapshot isolation: see exactly what was indexed at or below the captured
 *     generation; false to include recent data as well
 */
public record Recall(long requestId, String space, SessionId session, float[] cue, int maxResults, boolean snapshot)
    implements ClientMessage {
  static final int MAX_RESULTS_LIMIT = 10_000;

  public Recall {
    Objects.requireNonNull(space, "space");
    cue = cue.clone();
  }

  @Override
  public Optional<String> validate(int dimension) {
    Optional<String> spaceProblem = SpaceId.problemWith(space);
    if (spaceProblem.isPresent()) {
      return spaceProblem;
    }
    if (maxResults < 1 || maxResults > MAX_RESULTS_LIMIT) {
      return Optional.of("maxResults must be in [1, " + MAX_RESULTS_LIMIT + "], is " + maxResults);
    }
    return Vectors.problemWith("cue", cue, dimension);
  }

  /** A copy of the cue. */
  @Override
  public float[] cue() {
    return cue.clone();
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof Recall that
        && requestId == that.requestId
        && space.equals(that.space)
        && Objects.equals(session, that.session)
        && Arrays.equals(cue, that.cue)
        && maxResults == that.maxResults
        && snapshot == that.snapshot;
  }

  @Override
  public int hashCode() {
    return Objects.hash(requestId, space, session, Arrays.hashCode(cue), maxResults, snapshot);
  }

  @Override
  public String toString() {
    return "Recall[" + traceDetail() + "]";
  }

  @Override
  public String traceDetail() {
    return "recall req=" + requestId + " space=" + space + " session=" + (session == null ? "-" : session.value())
        + " k=" + maxResults + " dim=" + cue.length + " snapshot=" + snapshot;
  }
}
