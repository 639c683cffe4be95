/**
 * The per-space approximate nearest-neighbour index of the streaming memory engine: an HNSW graph
 * [1] over unit vectors with cosine distance, snapshot search by generation, and an integrity check
 * for docs/engine.md guarantee 7.
 *
 * <p>Public: {@link io.detsim.engine.index.HnswIndex} (the entry class), its
 * {@link io.detsim.engine.index.HnswParams}, the result {@link io.detsim.engine.index.Neighbour},
 * and the report {@link io.detsim.engine.index.IntegrityViolation}. Everything else is
 * package-private.
 *
 * <p>[1] Y. A. Malkov, D. A. Yashunin, "Efficient and robust approximate nearest neighbor search
 * using Hierarchical Navigable Small World graphs", IEEE TPAMI 42(4), 2018.
 */
package io.detsim.engine.index;
