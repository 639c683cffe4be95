package io.detsim.engine.protocol;

import io.detsim.sim.port.Traced;
import java.util.Optional;

/** A message from a client to the server. */
public sealed interface ClientMessage extends Traced permits Init, Observation, FlowControl, Close, Recall {

  /**
   * The first problem with this message's client-supplied content, or empty when it is well formed.
   * The server answers a problem with {@code REJECTED INVALID_INPUT}; the text is for the trace.
   *
   * @param dimension the embedding dimension the server is configured for
   */
  Optional<String> validate(int dimension);
}
