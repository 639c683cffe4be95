package io.detsim.engine.index;

/**
 * Deliberate, realistic bugs that an {@link HnswIndex} can be built with, so that detsim can prove
 * its own properties catch them (a self-test: a checker that never fails on a known bug checks
 * nothing). An index built without mutants pays nothing for them: each is read once, at
 * construction, into a final flag.
 */
public enum HnswMutant {
  /**
   * The degree bound is enforced on the new node's own edges but not on the reverse edges: a
   * neighbour that is already full takes the new node anyway, without pruning. A common slip,
   * since the forward selection looks bounded. Graph integrity (degree at most M, M0 on layer 0)
   * must catch it.
   */
  REVERSE_DEGREE_UNBOUNDED,

  /**
   * Search ignores the snapshot generation and returns nodes indexed after it. Snapshot recall
   * (no phantom results mid-stream) must catch it.
   */
  GENERATION_FILTER_IGNORED
}
