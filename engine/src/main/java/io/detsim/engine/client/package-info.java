/**
 * The client library of the streaming engine: {@link io.detsim.engine.client.StreamingClient}, a
 * node that opens a session, streams observations at a rate within a bounded window, and recovers
 * from every fault of the network and every refusal of the server until each observation is
 * ACCEPTED or finally REJECTED (docs/engine.md guarantees 2 and 3, from the client's side).
 *
 * <p>Public: the node, its options ({@link io.detsim.engine.client.ClientOptions},
 * {@link io.detsim.engine.client.PriorityMix}, {@link io.detsim.engine.client.RecallProbe}) and its
 * read-only view for validators ({@link io.detsim.engine.client.ClientView} and the records it
 * holds). The machinery (window, pacer, handshake, probe) is package-private.
 *
 * <p>Written against sim-core's ports only: all time comes from the node's clock (recorded, possibly
 * skewed) and timers (true elapsed time, for every wait), all randomness from the node's
 * {@code "client"} stream.
 */
package io.detsim.engine.client;
