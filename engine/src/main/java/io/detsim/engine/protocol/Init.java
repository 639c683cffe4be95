package io.detsim.engine.protocol;

import java.util.Objects;
import java.util.Optional;

/**
 * Opens a session on a memory space.
 *
 * @param requestId chosen by the client and echoed in {@link InitAck}, so that a client whose Init
 *     was duplicated or retried can tell which acknowledgement answers which request
 * @param maxBatchSize 0 leaves the choice to the server
 */
public record Init(long requestId, String space, int clientBufferSize, boolean enableBackpressure, int maxBatchSize)
    implements ClientMessage {

  public Init {
    Objects.requireNonNull(space, "space");
  }

  @Override
  public Optional<String> validate(int dimension) {
    Optional<String> spaceProblem = SpaceId.problemWith(space);
    if (spaceProblem.isPresent()) {
      return spaceProblem;
    }
    if (clientBufferSize < 0 || maxBatchSize < 0) {
      return Optional.of("buffer and batch sizes must not be negative");
    }
    return Optional.empty();
  }

  @Override
  public String traceDetail() {
    return "init req=" + requestId + " space=" + space + " buffer=" + clientBufferSize + " backpressure="
        + enableBackpressure + " maxBatch=" + maxBatchSize;
  }
}
