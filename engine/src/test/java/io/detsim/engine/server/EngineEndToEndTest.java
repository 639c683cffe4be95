package io.detsim.engine.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.detsim.engine.protocol.SpaceId;
import io.detsim.sim.SimOptions;
import io.detsim.sim.Simulation;
import io.detsim.sim.buggify.BuggifyOptions;
import io.detsim.sim.disk.DiskOptions;
import io.detsim.sim.fault.FaultSchedule;
import io.detsim.sim.port.NodeId;
import io.detsim.sim.port.Ratio;
import io.detsim.engine.client.ClientOptions;
import io.detsim.engine.client.ClientView;
import io.detsim.engine.client.StreamingClient;
import io.detsim.engine.protocol.SessionId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The engine end to end on the simulator: 3 clients stream 5,000 observations each into 3 spaces,
 * with no fault and with each kind of fault alone, then everything heals. Every observation must be
 * ACCEPTED, held exactly once in its own space, in sequence order, indexed in that order, in an
 * index that passes its integrity check; and the run must replay to the same digest.
 *
 * <p>The latency each fault costs is a measurement, not a unit test's business:
 * {@code io.detsim.bench.EndToEndLatency} in the benchmarks module prints it for these same runs.
 */
class EngineEndToEndTest {
  private static final long MS = 1_000_000L;
  private static final int DIMENSION = 16;
  private static final int PER_CLIENT = 5_000;
  private static final long RUN_NANOS = 60_000 * MS;

  static Stream<Arguments> faults() {
    SimOptions none = SimOptions.none();
    return Stream.of(
        Arguments.of("none", none, ""),
        Arguments.of("delay", none, "0s delay 0s..100ms\n1s heal-all"),
        Arguments.of("loss", none, "0s loss 1/100\n1s heal-all"),
        Arguments.of("duplicate", none, "0s duplicate 1/20\n1s heal-all"),
        Arguments.of("reorder", none, "0s reorder 1/10\n1s heal-all"),
        Arguments.of("partition", none, "20ms partition client-0,client-1 | server\n520ms heal"),
        Arguments.of("clog", none, "20ms clog client-2 -> server for 400ms"),
        Arguments.of("crash", none, "25ms crash server\n225ms restart server"),
        Arguments.of("pause", none, "20ms pause server for 300ms"),
        Arguments.of("kill-worker", none, "20ms kill server/worker-0\n40ms kill server/worker-1\n60ms kill server/worker-2"),
        Arguments.of("clock-skew", none, "0s clock-offset server -5s\n0s clock-offset client-1 +5s\n30ms clock-jump server -2s"),
        Arguments.of("torn-writes", none.withDisk(DiskOptions.none().withTornWriteRatio(Ratio.ALWAYS)),
            "25ms crash server\n40ms restart server\n70ms crash server\n90ms restart server"),
        Arguments.of("buggify", none.withBuggify(new BuggifyOptions(true, Ratio.ALWAYS, Ratio.of(1, 20))), ""),
        Arguments.of("shuffled-ties", none.withShuffleTies(true), ""));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("faults")
  void everyObservationAcceptedOnce_inItsOwnSpace_inOrder_andRunsReplay(String name, SimOptions options, String schedule) {
    Simulation sim = run(7, options, schedule);
    EngineServer server = sim.node(NodeId.of("server"), EngineServer.class);
    for (int i = 0; i < 3; i++) {
      ClientView view = sim.node(NodeId.of("client-" + i), StreamingClient.class).view();
      assertThat(view.isDone()).as("%s: client-%d has every observation ACCEPTED", name, i).isTrue();
      assertThat(view.acceptedCount()).isEqualTo(PER_CLIENT);
      List<EngineServer.Held> held = server.held(SpaceId.of("space-" + i));
      assertThat(held).extracting(EngineServer.Held::memoryId)
          .as("%s: space-%d holds each of its own observations exactly once", name, i)
          .doesNotHaveDuplicates().hasSize(PER_CLIENT).allMatch(id -> id.startsWith(view.clientName() + "-"));
      Map<SessionId, Long> lastSeq = new LinkedHashMap<>();
      long lastGeneration = 0;
      for (EngineServer.Held h : held) {
        assertThat(h.durable() && h.indexed()).as("%s: durable and visible", name).isTrue();
        assertThat(h.generation()).as("%s: indexed in acceptance order", name).isGreaterThan(lastGeneration);
        lastGeneration = h.generation();
        Long previous = lastSeq.put(h.session(), h.seq());
        assertThat(h.seq()).as("%s: each session applied in sequence order, no gap", name)
            .isEqualTo(previous == null ? h.seq() : previous + 1);
      }
      assertThat(server.index(SpaceId.of("space-" + i)).checkIntegrity()).as(name).isEmpty();
    }
    if (options.buggify().enabled()) {
      // DELAYED_STATUS is asked only when queue pressure changes, which this load never causes;
      // SHORT_IDLE_TIMEOUT and SHORT_LOW_PROMOTION once a server start, so whether they fired is a
      // coin toss.
      Map<String, String> asked = new TreeMap<>(sim.buggifyReport());
      asked.remove("EngineSite.SHORT_IDLE_TIMEOUT");
      asked.remove("EngineSite.SHORT_LOW_PROMOTION");
      assertThat(asked).as("the sites this load reaches were asked, and fired")
          .containsKeys("EngineSite.SLOW_SYNC", "EngineSite.SHORT_BATCH", "EngineSite.EARLY_TIMEOUT",
              "EngineSite.SPURIOUS_WORKER_DEATH")
          .allSatisfy((site, report) -> assertThat(report).doesNotEndWith("fired 0"));
    }
    assertThat(run(7, options, schedule).digest()).as("%s replays", name).isEqualTo(sim.digest());
  }

  private static Simulation run(long seed, SimOptions options, String schedule) {
    Simulation sim = new Simulation(seed, options);
    NodeId server = sim.addNode("server", context -> new EngineServer(context, EngineOptions.defaults(DIMENSION)));
    for (int i = 0; i < 3; i++) {
      ClientOptions client = ClientOptions.of(server, "space-" + i)
          .withObservationsTotal(PER_CLIENT).withDimension(DIMENSION).withRate(2_000);
      sim.addNode("client-" + i, context -> new StreamingClient(context, client));
    }
    sim.schedule(FaultSchedule.parse(schedule));
    sim.runFor(RUN_NANOS);
    return sim;
  }
}
