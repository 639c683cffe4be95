package io.detsim.scenarios.engine;

import io.detsim.properties.scenario.Swarm;
import io.detsim.properties.core.ChoiceSource;
import io.detsim.properties.core.Gen;
import io.detsim.sim.fault.Fault;
import io.detsim.sim.fault.FaultKind;
import io.detsim.sim.fault.FaultSchedule;
import io.detsim.sim.fault.ScheduledFault;
import io.detsim.sim.port.NodeId;
import io.detsim.sim.port.Ratio;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.TreeSet;

/**
 * Inputs of the scenarios that keep the original design's parameters (docs/engine.md): exact sizes and
 * rates, a standing 1 % loss, a burst of twice the queue's capacity, the periodic faults of the
 * ten-minute run. Each draws only what the original leaves open (the simulation seed, which worker,
 * which node's clock, the instant of a burst), so shrinking has little to do and a failure still
 * reads as the scenario it came from. The schedules are explicit entries, so a failure file shows
 * and replays every periodic fault as written.
 */
final class CatalogueInputs {
  private static final long MS = 1_000_000L;
  private static final long SECOND = 1_000_000_000L;
  private static final NodeId SERVER = InputGenerator.SERVER;

  private CatalogueInputs() {}

  /** docs/engine.md's end_to_end: 10,000 observations, 4 workers, no fault. */
  static Gen<ScenarioInput> endToEnd() {
    return source -> input(source, 4, 0, none(), List.of(client(0, 10_000, 2_000, source.chance(Ratio.of(1, 2)), true)),
        List.of());
  }

  /** docs/engine.md's multi_client: 3 clients x 5,000 observations into 3 spaces, no fault. */
  static Gen<ScenarioInput> multiClient() {
    return source -> {
      long seed = seed(source);
      int workers = (int) source.choose(1, 4);
      List<ScenarioInput.ClientSpec> clients = new ArrayList<>();
      for (int i = 0; i < 3; i++) {
        clients.add(client(i, 5_000, (int) source.choose(1_000, 2_000), false, false));
      }
      return new ScenarioInput(seed, new ScenarioInput.EngineShape(workers, 0), none(), clients, FaultSchedule.of(List.of()));
    };
  }

  /**
   * docs/engine.md's backpressure: a queue of 1,000 and 10,000 observations sent unthrottled (a burst
   * client at 100,000/s), beside an ordinary client; everything ends accepted or rejected, and the
   * engine recovers.
   */
  static Gen<ScenarioInput> backpressure() {
    return source -> input(source, (int) source.choose(1, 4), 1_000, only(FaultKind.BURST),
        List.of(client(0, 500, 1_000, true, false)), List.of(new ScheduledFault(0, new Fault.Burst(10_000))));
  }

  /** docs/engine.md's queue_overflow: a burst of twice the queue's capacity while a client streams. */
  static Gen<ScenarioInput> queueOverflow() {
    return source -> {
      long seed = seed(source);
      int capacity = List.of(200, 400, 1_000).get((int) source.choose(0, 2));
      int workers = (int) source.choose(1, 4);
      long at = source.choose(0, 300) * MS;
      return new ScenarioInput(seed, new ScenarioInput.EngineShape(workers, capacity), only(FaultKind.BURST),
          List.of(client(0, 400, 2_000, true, false)),
          FaultSchedule.of(List.of(new ScheduledFault(at, new Fault.Burst(2 * capacity)))));
    };
  }

  /**
   * docs/engine.md's backpressure_detection: bursts of half to twice a small queue's capacity, so the
   * pressure climbs through its thresholds and falls back; the engine must announce each state
   * when the depth crosses into it ({@link ScenarioCheck#PRESSURE_FOLLOWS_DEPTH}).
   */
  static Gen<ScenarioInput> backpressureDetection() {
    return source -> {
      long seed = seed(source);
      int capacity = List.of(400, 1_000).get((int) source.choose(0, 1));
      int workers = (int) source.choose(1, 2);
      Gen<ScheduledFault> burst = s -> new ScheduledFault(s.choose(0, 999) * MS,
          new Fault.Burst((int) s.choose(capacity / 2, 2L * capacity)));
      List<ScheduledFault> bursts = Gen.listOf(burst, 1, 4).generate(source);
      return new ScenarioInput(seed, new ScenarioInput.EngineShape(workers, capacity), only(FaultKind.BURST),
          List.of(client(0, 400, 1_000, true, false)), FaultSchedule.of(bursts));
    };
  }

  /** docs/engine.md's packet_loss_with_retries: 1 % of messages lost; clients retry with backoff. */
  static Gen<ScenarioInput> packetLoss() {
    return source -> {
      long seed = seed(source);
      int workers = (int) source.choose(1, 4);
      List<ScenarioInput.ClientSpec> clients = someClients(source, 1_000, false);
      Swarm loss = new Swarm(EnumSet.of(FaultKind.LOSS), Ratio.of(1, 100),
          Ratio.NEVER, Ratio.NEVER, Ratio.NEVER);
      return new ScenarioInput(seed, new ScenarioInput.EngineShape(workers, 0), loss, clients, FaultSchedule.of(List.of()));
    };
  }

  /**
   * docs/engine.md's eventual_consistency, healthy: clients stream and probe recall with no fault, and
   * every accepted observation must be visible within the staleness bound
   * ({@link ScenarioCheck#BOUNDED_STALENESS}).
   */
  static Gen<ScenarioInput> eventualConsistency() {
    return source -> {
      long seed = seed(source);
      int workers = (int) source.choose(1, 4);
      List<ScenarioInput.ClientSpec> clients = someClients(source, 2_000, true);
      return new ScenarioInput(seed, new ScenarioInput.EngineShape(workers, 0), none(), clients, FaultSchedule.of(List.of()));
    };
  }

  /** How long sustained_10min streams, and the periods of its faults (docs/engine.md). */
  static final long SUSTAINED_NANOS = 600 * SECOND;
  private static final long KILL_EVERY = 10 * SECOND;
  private static final long BURST_EVERY = 5 * SECOND;
  private static final long SKEW_EVERY = 30 * SECOND;

  /**
   * docs/engine.md's sustained_10min: 10 virtual minutes at 1,000 observations/s under 0-100 ms delays
   * and 1 % loss, a worker killed every 10 s, a burst of 10,000 every 5 s, and clock skew re-drawn
   * every 30 s (within +/-5 s, on the server or the client). Every fault is an entry of the
   * schedule: 200 entries over the ten minutes.
   */
  static Gen<ScenarioInput> sustained10Minutes() {
    return sustained(SUSTAINED_NANOS);
  }

  /** The shape of sustained_10min, {@code durationNanos} long: the same rates and fault periods. */
  static Gen<ScenarioInput> sustained(long durationNanos) {
    return source -> {
      long seed = seed(source);
      int workers = 4;
      NodeId client = NodeId.of("client-0");
      List<ScheduledFault> entries = new ArrayList<>();
      entries.add(new ScheduledFault(0, new Fault.Delay(0, 100 * MS)));
      for (long at = KILL_EVERY; at < durationNanos; at += KILL_EVERY) {
        entries.add(new ScheduledFault(at, new Fault.Kill(SERVER.child("worker-" + source.choose(0, workers - 1)))));
      }
      for (long at = BURST_EVERY; at < durationNanos; at += BURST_EVERY) {
        entries.add(new ScheduledFault(at, new Fault.Burst(10_000)));
      }
      for (long at = 0; at < durationNanos; at += SKEW_EVERY) {
        NodeId node = source.chance(Ratio.of(1, 2)) ? SERVER : client;
        entries.add(new ScheduledFault(at, new Fault.ClockOffset(node, (source.choose(0, 10_000) - 5_000) * MS)));
      }
      entries.sort((a, b) -> Long.compare(a.atNanos(), b.atNanos()));
      Swarm swarm = new Swarm(
          EnumSet.of(FaultKind.DELAY, FaultKind.LOSS, FaultKind.KILL, FaultKind.BURST, FaultKind.CLOCK_SKEW),
          Ratio.of(1, 100), Ratio.NEVER, Ratio.NEVER, Ratio.NEVER);
      return new ScenarioInput(seed, new ScenarioInput.EngineShape(workers, 0), swarm,
          List.of(client(0, (int) (durationNanos / SECOND) * 1_000, 1_000, true, true)), FaultSchedule.of(entries));
    };
  }

  /** The alphabet of {@link #smallSchedules}: few kinds, instants and durations, to enumerate them all. */
  private static final List<Long> INSTANTS_MS = List.of(10L, 40L, 80L);
  private static final List<Long> DURATIONS_MS = List.of(5L, 50L);

  /**
   * Every schedule of at most 2 faults from {crash, worker kill, partition, pause} at 10, 40 or 80
   * ms, lasting 5 or 50 ms, against one fixed small workload: a space small enough for exhaustive
   * mode to run all of it (721 inputs).
   */
  static Gen<ScenarioInput> smallSchedules() {
    Gen<List<ScheduledFault>> fault = source -> {
      int kind = (int) source.choose(0, 3);
      long at = INSTANTS_MS.get((int) source.choose(0, INSTANTS_MS.size() - 1)) * MS;
      int second = (int) source.choose(0, DURATIONS_MS.size() - 1); // how long, or for a kill, which worker
      long lasting = DURATIONS_MS.get(second) * MS;
      NodeId client = NodeId.of("client-0");
      switch (kind) {
        case 0:
          return List.of(new ScheduledFault(at, new Fault.Crash(SERVER)), new ScheduledFault(at + lasting,
              new Fault.Restart(SERVER)));
        case 1:
          return List.of(new ScheduledFault(at, new Fault.Kill(SERVER.child("worker-" + second))));
        case 2:
          return List.of(new ScheduledFault(at, new Fault.Partition(new TreeSet<>(List.of(client)),
              new TreeSet<>(List.of(SERVER)), false)), new ScheduledFault(at + lasting, new Fault.Heal()));
        default:
          return List.of(new ScheduledFault(at, new Fault.Pause(SERVER, lasting)));
      }
    };
    return source -> {
      List<ScheduledFault> entries = new ArrayList<>();
      Gen.listOf(fault, 0, 2).generate(source).forEach(entries::addAll);
      entries.sort((a, b) -> Long.compare(a.atNanos(), b.atNanos()));
      return new ScenarioInput(0, new ScenarioInput.EngineShape(2, 0),
          new Swarm(EnumSet.of(FaultKind.CRASH, FaultKind.KILL, FaultKind.PARTITION, FaultKind.PAUSE),
              Ratio.NEVER, Ratio.NEVER, Ratio.NEVER, Ratio.NEVER),
          List.of(client(0, 100, 1_000, false, false)), FaultSchedule.of(entries));
    };
  }

  private static ScenarioInput input(ChoiceSource source, int workers, int capacity, Swarm swarm,
      List<ScenarioInput.ClientSpec> clients, List<ScheduledFault> entries) {
    return new ScenarioInput(seed(source), new ScenarioInput.EngineShape(workers, capacity), swarm, clients,
        FaultSchedule.of(entries));
  }

  /**
   * One to three clients of 200 to {@code maxObservations} observations at 500 to 2,000/s; with
   * {@code probing}, each may mix priorities and probes recall while it streams.
   */
  private static List<ScenarioInput.ClientSpec> someClients(ChoiceSource source, int maxObservations,
      boolean probing) {
    List<ScenarioInput.ClientSpec> clients = new ArrayList<>();
    int count = (int) source.choose(1, 3);
    for (int i = 0; i < count; i++) {
      int observations = (int) source.choose(200, maxObservations);
      int rate = (int) source.choose(500, 2_000);
      clients.add(client(i, observations, rate, probing && source.chance(Ratio.of(1, 2)), probing));
    }
    return clients;
  }

  private static long seed(ChoiceSource source) {
    return source.choose(0, (1 << 20) - 1);
  }

  private static ScenarioInput.ClientSpec client(int index, int observations, int rate, boolean mixed, boolean recall) {
    return new ScenarioInput.ClientSpec("client-" + index, "space-" + index, observations, rate, mixed, recall);
  }

  private static Swarm none() {
    return new Swarm(EnumSet.noneOf(FaultKind.class), Ratio.NEVER, Ratio.NEVER, Ratio.NEVER, Ratio.NEVER);
  }

  private static Swarm only(FaultKind kind) {
    return new Swarm(EnumSet.of(kind), Ratio.NEVER, Ratio.NEVER, Ratio.NEVER, Ratio.NEVER);
  }
}
