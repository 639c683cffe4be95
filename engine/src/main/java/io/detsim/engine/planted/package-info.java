/**
 * The engine's planted bugs ({@link io.detsim.engine.planted.EngineMutant}): one catalogue, asked of
 * the node's runtime context as BUGGIFY is, so that options and configuration hold none.
 */
package io.detsim.engine.planted;
