package io.detsim.bench;

import io.detsim.engine.client.ClientOptions;
import io.detsim.engine.client.ObservationRecord;
import io.detsim.engine.client.StreamingClient;
import io.detsim.engine.server.EngineOptions;
import io.detsim.engine.server.EngineServer;
import io.detsim.sim.SimOptions;
import io.detsim.sim.Simulation;
import io.detsim.sim.buggify.BuggifyOptions;
import io.detsim.sim.disk.DiskOptions;
import io.detsim.sim.fault.FaultSchedule;
import io.detsim.sim.port.NodeId;
import io.detsim.sim.port.Ratio;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.List;
import org.HdrHistogram.Histogram;

/**
 * What each fault kind alone costs the engine on the simulator: the runs of the engine's
 * {@code EngineEndToEndTest} (3 clients stream {@code perClient} observations each into 3 spaces at
 * 2,000/s, one fault kind, then everything heals, 60 simulated seconds), one line a fault with the
 * ACCEPTED latency distribution in virtual time (client clock, first send to ACCEPTED; the same on
 * every machine for a seed) and the run's CPU and wall time (this machine, now). The test checks the
 * behaviour of these runs; this prints their figures, which no unit test should bound.
 *
 * <pre>
 * mvn -B -q -DskipTests package -pl benchmarks -am
 * java --add-modules jdk.incubator.vector -cp benchmarks/target/benchmarks.jar \
 *     io.detsim.bench.EndToEndLatency [perClient] [seed]
 * </pre>
 *
 * Defaults: 5,000 observations a client, seed 7 (the test's).
 */
public final class EndToEndLatency {
  private static final long MS = 1_000_000L;
  private static final int DIMENSION = 16;
  private static final int CLIENTS = 3;
  private static final long RUN_NANOS = 60_000 * MS;

  /** One fault kind alone: the simulator's options and the schedule, in the schedule's text form. */
  record FaultCase(String name, SimOptions options, String schedule) {}

  static List<FaultCase> faults() {
    SimOptions none = SimOptions.none();
    return List.of(
        new FaultCase("none", none, ""),
        new FaultCase("delay", none, "0s delay 0s..100ms\n1s heal-all"),
        new FaultCase("loss", none, "0s loss 1/100\n1s heal-all"),
        new FaultCase("duplicate", none, "0s duplicate 1/20\n1s heal-all"),
        new FaultCase("reorder", none, "0s reorder 1/10\n1s heal-all"),
        new FaultCase("partition", none, "20ms partition client-0,client-1 | server\n520ms heal"),
        new FaultCase("clog", none, "20ms clog client-2 -> server for 400ms"),
        new FaultCase("crash", none, "25ms crash server\n225ms restart server"),
        new FaultCase("pause", none, "20ms pause server for 300ms"),
        new FaultCase("kill-worker", none,
            "20ms kill server/worker-0\n40ms kill server/worker-1\n60ms kill server/worker-2"),
        new FaultCase("clock-skew", none,
            "0s clock-offset server -5s\n0s clock-offset client-1 +5s\n30ms clock-jump server -2s"),
        new FaultCase("torn-writes", none.withDisk(DiskOptions.none().withTornWriteRatio(Ratio.ALWAYS)),
            "25ms crash server\n40ms restart server\n70ms crash server\n90ms restart server"),
        new FaultCase("buggify", none.withBuggify(new BuggifyOptions(true, Ratio.ALWAYS, Ratio.of(1, 20))), ""),
        new FaultCase("shuffled-ties", none.withShuffleTies(true), ""));
  }

  private EndToEndLatency() {}

  public static void main(String[] args) {
    int perClient = args.length > 0 ? Integer.parseInt(args[0]) : 5_000;
    long seed = args.length > 1 ? Long.decode(args[1]) : 7;
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    System.out.printf("%d clients x %d observations at 2,000/s, seed %d, %.0f simulated s a run;"
        + " ACCEPTED latency in virtual ms (client clock)%n", CLIENTS, perClient, seed, RUN_NANOS / 1e9);
    System.out.println("| fault | accepted | P50 ms | P99 ms | P99.9 ms | max ms | CPU s | wall s |");
    System.out.println("|---|---:|---:|---:|---:|---:|---:|---:|");
    for (FaultCase fault : faults()) {
      long cpuStart = threads.getCurrentThreadCpuTime();
      long wallStart = System.nanoTime();
      Simulation sim = run(seed, perClient, fault);
      double cpuSeconds = (threads.getCurrentThreadCpuTime() - cpuStart) / 1e9;
      double wallSeconds = (System.nanoTime() - wallStart) / 1e9;
      Histogram latency = new Histogram(3);
      for (int i = 0; i < CLIENTS; i++) {
        for (ObservationRecord record : sim.node(NodeId.of("client-" + i), StreamingClient.class).view().observations()) {
          if (record.acceptedAtNanos().isPresent()) {
            latency.recordValue(Math.max(0, record.acceptedAtNanos().getAsLong() - record.firstSentAtNanos().getAsLong()));
          }
        }
      }
      System.out.printf("| %s | %d of %d | %.2f | %.2f | %.2f | %.2f | %.2f | %.2f |%n", fault.name(),
          latency.getTotalCount(), CLIENTS * perClient, latency.getValueAtPercentile(50) / 1e6,
          latency.getValueAtPercentile(99) / 1e6, latency.getValueAtPercentile(99.9) / 1e6,
          latency.getMaxValue() / 1e6, cpuSeconds, wallSeconds);
    }
  }

  private static Simulation run(long seed, int perClient, FaultCase fault) {
    Simulation sim = new Simulation(seed, fault.options());
    NodeId server = sim.addNode("server", context -> new EngineServer(context, EngineOptions.defaults(DIMENSION)));
    for (int i = 0; i < CLIENTS; i++) {
      ClientOptions client = ClientOptions.of(server, "space-" + i)
          .withObservationsTotal(perClient).withDimension(DIMENSION).withRate(2_000);
      sim.addNode("client-" + i, context -> new StreamingClient(context, client));
    }
    sim.schedule(FaultSchedule.parse(fault.schedule()));
    sim.runFor(RUN_NANOS);
    return sim;
  }
}
