package io.detsim.sim;

import io.detsim.sim.port.DiskFile;
import io.detsim.sim.port.Node;
import io.detsim.sim.port.NodeContext;
import io.detsim.sim.port.NodeId;
import io.detsim.sim.port.RandomSource;
import io.detsim.sim.port.Traced;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.TreeSet;

/**
 * A small request/response protocol for kernel tests: clients send numbered requests to servers and
 * retry them on a timeout; a server logs each request to its disk, syncs, then answers. It touches
 * every port: network, timers, clock, disk with sync, random streams, CPU time, actors.
 */
final class EchoProtocol {
  private EchoProtocol() {}

  static final long MILLIS = 1_000_000L;

  record Request(NodeId client, long id) implements Traced {
    @Override
    public String traceDetail() {
      return "request " + client + "#" + id;
    }
  }

  record Response(long id, long servedCount) implements Traced {
    @Override
    public String traceDetail() {
      return "response #" + id + " served " + servedCount;
    }
  }

  /** Answers after its log record is durable; counts what it served in an actor, for actors' sake. */
  static final class Server implements Node {
    private final NodeContext context;
    private final DiskFile log;
    private NodeId counter;
    private long served;

    Server(NodeContext context) {
      this.context = context;
      this.log = context.disk().open("requests.log");
      this.served = log.size() / 16;
    }

    @Override
    public void onStart() {
      counter = context.spawn("counter", Counter::new);
    }

    @Override
    public void onMessage(NodeId source, Object message) {
      if (message instanceof Request) {
        Request request = (Request) message;
        context.consumeCpu(50_000);
        log.append(String.format("%015d\n", request.id()).getBytes(StandardCharsets.US_ASCII));
        context.send(counter, request);
        log.sync(() -> context.send(source, new Response(request.id(), ++served)));
      }
    }
  }

  /** An actor inside the server, so local delivery and kills have something to act on. */
  static final class Counter implements Node {
    private long seen;

    Counter(NodeContext context) {}

    @Override
    public void onMessage(NodeId source, Object message) {
      seen++;
    }

    long seen() {
      return seen;
    }
  }

  /** Sends {@code total} requests, a few at a time, to random servers; retries after a timeout. */
  static final class Client implements Node {
    private final NodeContext context;
    private final List<NodeId> servers;
    private final RandomSource random;
    private final int total;
    private final TreeSet<Long> outstanding = new TreeSet<>();
    private final TreeSet<Long> answered = new TreeSet<>();
    private long nextId = 1;

    Client(NodeContext context, List<NodeId> servers, int total) {
      this.context = context;
      this.servers = servers;
      this.random = context.random("client");
      this.total = total;
    }

    @Override
    public void onStart() {
      for (int i = 0; i < 4; i++) {
        sendNext();
      }
    }

    @Override
    public void onMessage(NodeId source, Object message) {
      if (message instanceof Response) {
        long id = ((Response) message).id();
        if (outstanding.remove(id)) {
          answered.add(id);
          sendNext();
        }
      }
    }

    private void sendNext() {
      if (nextId <= total) {
        long id = nextId++;
        outstanding.add(id);
        transmit(id);
      }
    }

    private void transmit(long id) {
      NodeId server = servers.get(random.nextInt(servers.size()));
      context.send(server, new Request(context.self(), id));
      context.setTimer(50 * MILLIS + random.nextLong(0, 20 * MILLIS), () -> {
        if (outstanding.contains(id)) {
          transmit(id);
        }
      });
    }

    int answered() {
      return answered.size();
    }

    boolean isDone() {
      return answered.size() == total;
    }
  }

  /** Builds the standard world: {@code servers} servers, {@code clients} clients. */
  static Simulation world(long seed, SimOptions options, int servers, int clients, int requestsPerClient) {
    Simulation sim = new Simulation(seed, options);
    List<NodeId> serverIds = new java.util.ArrayList<>();
    for (int i = 0; i < servers; i++) {
      serverIds.add(sim.addNode("server-" + i, Server::new));
    }
    List<NodeId> fixed = List.copyOf(serverIds);
    for (int i = 0; i < clients; i++) {
      sim.addNode("client-" + i, context -> new Client(context, fixed, requestsPerClient));
    }
    return sim;
  }
}
