/**
 * Client sessions: sequence numbering, flow control, close with drain, idle expiry and the durable
 * part that recovery rebuilds. {@link io.detsim.engine.session.SessionTable} is the entry class.
 *
 * <p>Pure state: time arrives as {@code nowNanos} arguments read from the server's own clock, which
 * may be skewed and may step backwards; nothing here schedules, sends or writes.
 */
package io.detsim.engine.session;
