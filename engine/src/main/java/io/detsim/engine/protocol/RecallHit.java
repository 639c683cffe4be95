package io.detsim.engine.protocol;

import java.util.Objects;

/** One recall result: a memory, the space it lives in, and its cosine similarity to the cue. */
public record RecallHit(String memoryId, SpaceId space, float similarity) {

  public RecallHit {
    Objects.requireNonNull(memoryId, "memoryId");
    Objects.requireNonNull(space, "space");
  }
}
