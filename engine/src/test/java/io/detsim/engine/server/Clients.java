package io.detsim.engine.server;

import io.detsim.engine.client.ClientOptions;
import io.detsim.engine.client.ClientView;
import io.detsim.engine.client.ObservationRecord;
import io.detsim.engine.client.StreamingClient;
import io.detsim.sim.Simulation;
import io.detsim.sim.port.NodeFactory;
import io.detsim.sim.port.NodeId;
import java.util.ArrayList;
import java.util.List;

/** The server tests' clients: the real client library, at a fast rate with a full window. */
final class Clients {
  private Clients() {}

  static NodeFactory streaming(NodeId server, String space, int observations, int dimension) {
    ClientOptions options = ClientOptions.of(server, space).withObservationsTotal(observations)
        .withDimension(dimension).withRate(5_000);
    return context -> new StreamingClient(context, options);
  }

  static ClientView view(Simulation sim, String name) {
    return sim.node(NodeId.of(name), StreamingClient.class).view();
  }

  /** The episode ids the client saw ACCEPTED, in its own order. */
  static List<String> accepted(ClientView view) {
    List<String> ids = new ArrayList<>();
    for (ObservationRecord record : view.observations()) {
      if (record.outcome() == ObservationRecord.Outcome.ACCEPTED) {
        ids.add(record.episodeId());
      }
    }
    return ids;
  }
}
