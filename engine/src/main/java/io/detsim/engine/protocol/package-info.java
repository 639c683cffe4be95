/**
 * The messages between client and server nodes (docs/engine.md, "Protocol"), as immutable records.
 *
 * <p>Client messages arrive over a network that may delay, drop, duplicate and reorder them, and
 * their content is not trusted: fields that come from a client (a space name, an embedding, a
 * confidence) are carried as sent and checked by {@link io.detsim.engine.protocol.ClientMessage#validate},
 * which returns a problem instead of throwing, so that the server can answer {@code REJECTED
 * INVALID_INPUT}. Constructors only refuse what no wire could carry (a null, a negative size), which
 * is a bug in the sender.
 *
 * <p>Every message is {@link io.detsim.sim.port.Traced}: its trace text is built from names, ids and
 * sizes only, never from an array's or an enum's identity hash code, so it is the same on every run.
 */
package io.detsim.engine.protocol;
