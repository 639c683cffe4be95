package io.detsim.engine.client;

import io.detsim.sim.SimOptions;
import io.detsim.sim.Simulation;
import io.detsim.sim.net.NetworkOptions;
import io.detsim.sim.port.NodeId;
import java.util.TreeSet;
import java.util.function.UnaryOperator;

/** One fake server and one streaming client on a simulator: the world every client test runs in. */
final class ClientWorld {
  static final long MS = 1_000_000L;
  static final long SECOND = 1_000 * MS;
  static final String SPACE = "space-a";

  final Simulation sim;
  final NodeId server;
  final NodeId client;
  final FakeServer.Ledger ledger;

  ClientWorld(long seed, NetworkOptions network, FakeServer.Settings settings, UnaryOperator<ClientOptions> tune) {
    sim = new Simulation(seed, SimOptions.none().withNetwork(network));
    ledger = new FakeServer.Ledger(sim::nowNanos);
    server = sim.addNode("server", context -> new FakeServer(context, settings, ledger));
    ClientOptions options = tune.apply(ClientOptions.of(server, SPACE).withDimension(FakeServer.DIMENSION));
    client = sim.addNode("client", context -> new StreamingClient(context, options));
    sim.start();
  }

  static ClientWorld healthy(UnaryOperator<ClientOptions> tune) {
    return new ClientWorld(1, NetworkOptions.none(), FakeServer.Settings.standard(), tune);
  }

  /** A fixed 2 ms latency: messages arrive in the order sent, so rates and counts are exact. */
  static ClientWorld fifo(UnaryOperator<ClientOptions> tune) {
    return new ClientWorld(1, NetworkOptions.none().withLatency(2 * MS, 2 * MS), FakeServer.Settings.standard(), tune);
  }

  FakeServer server() {
    return sim.node(server, FakeServer.class);
  }

  StreamingClient client() {
    return sim.node(client, StreamingClient.class);
  }

  ClientView view() {
    return client().view();
  }

  /** Runs until nothing is pending (the client is done and closed) or the limit; true when quiescent. */
  boolean settle(long limitNanos) {
    return sim.runUntilQuiescent(limitNanos);
  }

  /** How many observations (first arrivals of a sequence number in any session) reached the server in [from, to). */
  long newArrivals(long fromNanos, long toNanos) {
    TreeSet<String> seen = new TreeSet<>();
    long count = 0;
    for (FakeServer.Arrival arrival : ledger.arrivals) {
      boolean first = seen.add(arrival.session() + "#" + arrival.seq());
      if (first && arrival.atNanos() >= fromNanos && arrival.atNanos() < toNanos) {
        count++;
      }
    }
    return count;
  }

  /** How many observation messages (first sends and resends) reached the server in [from, to). */
  long newArrivalsOrResends(long fromNanos, long toNanos) {
    long count = 0;
    for (FakeServer.Arrival arrival : ledger.arrivals) {
      if (arrival.atNanos() >= fromNanos && arrival.atNanos() < toNanos) {
        count++;
      }
    }
    return count;
  }
}
