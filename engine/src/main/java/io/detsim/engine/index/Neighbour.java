package io.detsim.engine.index;

/**
 * One search result: a node, its cosine distance to the query and the generation at which it was
 * indexed.
 *
 * @param id the caller's id of the node
 * @param distance {@code 1 - cos(query, vector)}, in {@code [0, 2]}
 * @param generation the generation given when the node was inserted
 */
public record Neighbour(long id, float distance, long generation) {}
