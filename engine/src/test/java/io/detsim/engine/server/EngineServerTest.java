package io.detsim.engine.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.assertj.core.api.Assertions.within;

import io.detsim.engine.client.ClientView;
import io.detsim.engine.index.HnswIndex;
import io.detsim.engine.index.IntegrityViolation;
import io.detsim.engine.index.Neighbour;
import io.detsim.engine.metrics.HistogramSnapshot;
import io.detsim.engine.metrics.MetricNames;
import io.detsim.engine.metrics.MetricsSnapshot;
import io.detsim.engine.planted.EngineMutant;
import io.detsim.engine.protocol.SpaceId;
import io.detsim.sim.SimOptions;
import io.detsim.sim.Simulation;
import io.detsim.sim.fault.Fault;
import io.detsim.sim.port.NodeId;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class EngineServerTest {
  private static final long MS = 1_000_000L;
  private static final int DIMENSION = 16;

  private static Simulation world(long seed, EngineOptions options, int perClient) {
    return world(seed, options, perClient, SimOptions.none());
  }

  private static Simulation world(long seed, EngineOptions options, int perClient, SimOptions world) {
    Simulation sim = new Simulation(seed, world);
    NodeId server = sim.addNode("server", context -> new EngineServer(context, options));
    for (int i = 0; i < 3; i++) {
      String space = "space-" + i;
      sim.addNode("client-" + i, Clients.streaming(server, space, perClient, DIMENSION));
    }
    return sim;
  }

  private static ClientView client(Simulation sim, int i) {
    return Clients.view(sim, "client-" + i);
  }

  private static EngineServer server(Simulation sim) {
    return sim.node(NodeId.of("server"), EngineServer.class);
  }

  @Test
  void everyObservationIsAcceptedOnce_andEachSpaceHoldsExactlyItsOwn_inOrder() {
    Simulation sim = world(1, EngineOptions.defaults(DIMENSION), 500);
    sim.runFor(20_000 * MS);
    for (int i = 0; i < 3; i++) {
      assertThat(client(sim, i).isDone()).as("client-%d done", i).isTrue();
      List<EngineServer.Held> held = server(sim).held(SpaceId.of("space-" + i));
      assertThat(held).hasSize(500);
      for (int n = 0; n < held.size(); n++) {
        EngineServer.Held h = held.get(n);
        assertThat(h.memoryId()).isEqualTo("client-" + i + "-" + (n + 1));
        assertThat(h.seq()).isEqualTo(n + 1);
        assertThat(h.generation()).as("indexed in acceptance order").isEqualTo(n + 1);
        assertThat(h.durable() && h.indexed()).isTrue();
      }
      List<IntegrityViolation> violations = server(sim).index(SpaceId.of("space-" + i)).checkIntegrity();
      assertThat(violations).isEmpty();
      assertThat(client(sim, i).indexedCount()).isEqualTo(500);
    }
    assertThat(server(sim).logSyncs()).as("group commit").isLessThan(server(sim).logRecords() / 2);
  }

  @Test
  void crashAndRestart_losesNothingAcknowledged() {
    Simulation sim = world(2, EngineOptions.defaults(DIMENSION), 2_000);
    int[] acceptedAtCrash = new int[1];
    sim.at(20 * MS, () -> {
      acceptedAtCrash[0] = (int) client(sim, 0).acceptedCount();
      sim.apply(new Fault.Crash(NodeId.of("server")));
    });
    sim.at(120 * MS, () -> sim.apply(new Fault.Restart(NodeId.of("server"))));
    sim.runFor(30_000 * MS);
    assertThat(acceptedAtCrash[0]).as("the crash strikes mid-stream").isBetween(1, 1_999);
    assertThat(server(sim).recoveredObservations()).isPositive();
    for (int i = 0; i < 3; i++) {
      ClientView client = client(sim, i);
      assertThat(client.isDone()).isTrue();
      List<EngineServer.Held> held = server(sim).held(SpaceId.of("space-" + i));
      assertThat(held).extracting(EngineServer.Held::memoryId).containsExactlyElementsOf(Clients.accepted(client));
    }
  }

  @Test
  void killedWorker_isRestarted_andItsBatchRedelivered() {
    Simulation sim = world(3, EngineOptions.defaults(DIMENSION), 500);
    for (int k = 0; k < 10; k++) {
      int worker = k % 4;
      sim.at((50 + 37 * k) * MS, () -> sim.apply(new Fault.Kill(NodeId.of("server/worker-" + worker))));
    }
    sim.runFor(20_000 * MS);
    assertThat(server(sim).workerRestarts()).isGreaterThanOrEqualTo(10);
    for (int i = 0; i < 3; i++) {
      assertThat(client(sim, i).isDone()).isTrue();
      assertThat(server(sim).held(SpaceId.of("space-" + i))).allSatisfy(h -> assertThat(h.indexed()).isTrue());
      assertThat(client(sim, i).indexedCount()).isEqualTo(500);
    }
  }

  @Test
  void compactedLog_recoversEverything_afterACrash() {
    Simulation sim = world(5, EngineOptions.defaults(DIMENSION).withCompactAfterRecords(300), 1_000);
    sim.at(80 * MS, () -> sim.apply(new Fault.Crash(NodeId.of("server"))));
    sim.at(100 * MS, () -> sim.apply(new Fault.Restart(NodeId.of("server"))));
    sim.runFor(20_000 * MS);
    assertThat(sim.disk(NodeId.of("server")).list()).contains("wal.snapshot");
    for (int i = 0; i < 3; i++) {
      assertThat(client(sim, i).isDone()).isTrue();
      assertThat(server(sim).held(SpaceId.of("space-" + i))).extracting(EngineServer.Held::memoryId)
          .containsExactlyElementsOf(Clients.accepted(client(sim, i)));
    }
  }

  @Test
  void anAcceptedBeforeItsRecordIsDurable_failsAtTheAcknowledgement() {
    // The ack-before-sync mutant acknowledges as the record is appended: the always-on check in the
    // acknowledgement stops the run there, not when a later crash loses the observation.
    Simulation sim = world(3, EngineOptions.defaults(DIMENSION), 10,
        SimOptions.none().withPlanted(Set.of(EngineMutant.ACK_BEFORE_SYNC)));
    assertThat(catchThrowable(() -> sim.runFor(1_000 * MS)))
        .isInstanceOf(AssertionError.class).hasMessageContaining("is not durable");
  }

  @Test
  void idleWorkers_stealWholeSpaces_fromBusyOnes() {
    Simulation sim = new Simulation(6, io.detsim.sim.SimOptions.none());
    NodeId server = sim.addNode("server", context -> new EngineServer(context, EngineOptions.defaults(DIMENSION)));
    for (int i = 0; i < 8; i++) {
      String space = "space-" + i;
      sim.addNode("client-" + i, Clients.streaming(server, space, 300, DIMENSION));
    }
    sim.runFor(10_000 * MS);
    long stolen = sim.node(server, EngineServer.class).spacesStolen();
    assertThat(stolen).isPositive();
    // Each steal is announced as a transition point, so aimed faults and coverage reports see it.
    assertThat(sim.pointsReached()).containsEntry("steal", stolen);
    for (int i = 0; i < 8; i++) {
      assertThat(sim.node(server, EngineServer.class).held(SpaceId.of("space-" + i)))
          .extracting(EngineServer.Held::generation).isSorted().doesNotContain(0L).hasSize(300);
    }
  }

  @Test
  void metrics_countWhatHappened_onVirtualTime() {
    Simulation sim = world(8, EngineOptions.defaults(DIMENSION), 400);
    sim.runFor(5_000 * MS);
    MetricsSnapshot metrics = server(sim).metrics();
    long received = 0;
    long batchItems = 0;
    for (int i = 0; i < 3; i++) {
      received += metrics.counter(MetricNames.OBSERVATIONS_TOTAL, "space-" + i, "normal");
      HistogramSnapshot latency = metrics.histogram(MetricNames.OBSERVATION_LATENCY_SECONDS, "space-" + i);
      assertThat(latency.count()).as("one latency per ACCEPTED").isEqualTo(400);
      assertThat(latency.p50()).as("virtual nanoseconds: network plus sync").isBetween(1_000_000L, 20_000_000L);
    }
    assertThat(received).as("retransmissions are counted too").isGreaterThanOrEqualTo(1_200);
    for (int worker = 0; worker < 4; worker++) {
      batchItems += metrics.histogram(MetricNames.BATCH_SIZE, String.valueOf(worker)).sum().longValueExact();
    }
    assertThat(batchItems).as("every observation indexed once").isEqualTo(1_200);
    assertThat(metrics.gauge(MetricNames.ACTIVE_SESSIONS_TOTAL)).as("each client closed its session, drained")
        .isEqualTo(0.0);
    for (int i = 0; i < 3; i++) {
      assertThat(client(sim, i).sessions()).allSatisfy(session -> assertThat(session.isClosed()).isTrue());
    }
    assertThat(server(sim).metrics().toPrometheusText()).contains(MetricNames.all());
  }

  @Test
  void sameSeed_sameDigest() {
    Simulation first = world(4, EngineOptions.defaults(DIMENSION), 200);
    first.runFor(5_000 * MS);
    Simulation second = world(4, EngineOptions.defaults(DIMENSION), 200);
    second.runFor(5_000 * MS);
    assertThat(first.digest()).isEqualTo(second.digest());
  }

  /**
   * Each embedding is held once: the index keeps the very array of the episode the server holds for
   * its snapshots, both for observations indexed by a worker and for those rebuilt from the log after
   * a crash. Shown by behaviour: turning a held episode's array around (every component negated, an
   * exact operation) must move that node in the index to distance 2 from where it was; a second copy
   * in the index would leave it at distance 0. The array is restored before the next one.
   */
  @Test
  void index_sharesTheHeldEpisodesEmbedding_beforeAndAfterRecovery() {
    Simulation sim = world(6, EngineOptions.defaults(DIMENSION).withCompactAfterRecords(300), 600);
    sim.at(60 * MS, () -> sim.apply(new Fault.Crash(NodeId.of("server"))));
    sim.at(80 * MS, () -> sim.apply(new Fault.Restart(NodeId.of("server"))));
    sim.runFor(20_000 * MS);
    EngineServer server = server(sim);
    assertThat(server.recoveredObservations()).as("some rebuilt from the log").isPositive();

    for (int i = 0; i < 3; i++) {
      SpaceId space = SpaceId.of("space-" + i);
      List<EngineServer.Held> held = server.held(space);
      assertThat(held).hasSize(600);
      HnswIndex index = server.index(space);
      int sharedCount = 0;
      for (EngineServer.Held h : held) {
        float[] shared = server.heldEpisode(h.lsn()).sharedEmbedding();
        float[] original = shared.clone();
        negate(shared);
        float moved = distanceOf(index.search(original, held.size(), held.size(), Long.MAX_VALUE), h.lsn());
        negate(shared);
        boolean unit = Arrays.equals(normalised(original), original);
        assertThat(moved).as("lsn %d (recovered: %s, unit: %s)", h.lsn(),
            h.lsn() < server.recoveredObservations(), unit).isCloseTo(unit ? 2.0f : 0.0f, within(1e-5f));
        sharedCount += unit ? 1 : 0;
      }
      // The clients normalise as the index does, which is nearly always a fixed point (99.9 % at 16).
      assertThat(sharedCount).as("shared in %s", space).isGreaterThan(held.size() * 9 / 10);
    }
  }

  /**
   * The index's normalisation (io.detsim.engine.index.Vectors#normalisedCopy): a vector it leaves
   * unchanged bit for bit is kept by the index as it is, any other is copied.
   */
  private static float[] normalised(float[] vector) {
    double squares = 0;
    for (float component : vector) {
      squares += (double) component * component;
    }
    double norm = StrictMath.sqrt(squares);
    float[] unit = new float[vector.length];
    for (int i = 0; i < vector.length; i++) {
      unit[i] = (float) (vector[i] / norm);
    }
    return unit;
  }

  private static void negate(float[] vector) {
    for (int i = 0; i < vector.length; i++) {
      vector[i] = -vector[i];
    }
  }

  private static float distanceOf(List<Neighbour> found, long id) {
    return found.stream().filter(n -> n.id() == id).findFirst().orElseThrow().distance();
  }
}
