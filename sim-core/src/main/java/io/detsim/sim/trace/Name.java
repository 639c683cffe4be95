package io.detsim.sim.trace;

import io.detsim.sim.random.SplitMix64;

/**
 * A node name or event kind with its hash computed once, so that folding it into the digest on
 * every event costs one multiply-xor rather than a walk over its characters.
 */
public final class Name {
  private final String text;
  private final long hash;

  public Name(String text) {
    this.text = text;
    this.hash = SplitMix64.fnv1a64(text);
  }

  public String text() {
    return text;
  }

  long hash() {
    return hash;
  }

  @Override
  public String toString() {
    return text;
  }
}
