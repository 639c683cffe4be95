package io.detsim.engine.server;

import io.detsim.engine.protocol.Episode;
import io.detsim.engine.protocol.Priority;
import io.detsim.engine.protocol.SessionId;

/**
 * An observation as the engine keeps it: its log sequence number (also its id in the index, which
 * makes re-delivered batches idempotent), its session and sequence number, its lane, its episode.
 */
record StoredObservation(long lsn, SessionId session, long seq, Priority priority, Episode episode) {}
