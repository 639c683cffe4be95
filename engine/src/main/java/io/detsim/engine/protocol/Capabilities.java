package io.detsim.engine.protocol;

/**
 * What the server tells a client in {@link InitAck}: its limits and what it supports.
 *
 * @param dimension the embedding dimension observations and cues must have
 */
public record Capabilities(
    int maxObservationsPerSecond,
    int queueCapacity,
    int dimension,
    boolean supportsBackpressure,
    boolean supportsSnapshotIsolation) {

  public Capabilities {
    if (maxObservationsPerSecond < 0 || queueCapacity < 0 || dimension < 1) {
      throw new IllegalArgumentException("capabilities need non-negative limits and a dimension of at least 1");
    }
  }
}
