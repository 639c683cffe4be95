package io.detsim.engine.protocol;

import io.detsim.sim.port.Traced;

/** A message from the server to a client. */
public sealed interface ServerMessage extends Traced permits InitAck, Ack, Status, RecallBatch {}
