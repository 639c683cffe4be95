package io.detsim.scenarios.engine;

import io.detsim.properties.scenario.Scenario;
import io.detsim.properties.scenario.ScenarioProvider;
import io.detsim.sim.fault.FaultKind;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;

/**
 * The engine's scenarios, by name: every scenario of the engine's design with the original's
 * parameters, plus the swarm (the default fuzz scenario, first) and a small space for exhaustive
 * enumeration. Registered with detsim's tools as a {@link ScenarioProvider}, as a user's are.
 */
public final class EngineScenarios implements ScenarioProvider {
  private static final long SECOND = 1_000_000_000L;

  /** For {@link java.util.ServiceLoader}; the catalogue is {@link #all()}. */
  public EngineScenarios() {}

  @Override
  public List<Scenario<?>> scenarios() {
    return List.copyOf(all());
  }

  public static List<EngineScenario> all() {
    ScenarioModel quiet = ScenarioModel.swarm().withEligible(EnumSet.noneOf(FaultKind.class));
    ScenarioModel diskFaults = ScenarioModel.swarm()
        .withEligible(EnumSet.of(FaultKind.CRASH, FaultKind.DISK, FaultKind.KILL, FaultKind.PAUSE)).withDiskShapes();
    List<EngineScenario> all = new ArrayList<>();
    all.add(new EngineScenario("swarm", "every fault kind, a random subset per seed (swarm testing); the default",
        ScenarioModel.swarm()));
    // Chaos scenarios
    all.add(only("network_delays", "0-100 ms extra delays; order and no loss hold", FaultKind.DELAY));
    all.add(new EngineScenario("packet_loss_with_retries", "1% of messages lost; clients retry with backoff; nothing lost",
        ScenarioModel.swarm().withEligible(EnumSet.of(FaultKind.LOSS)), CatalogueInputs.packetLoss()));
    all.add(new EngineScenario("queue_overflow",
        "a burst of twice the queue's capacity: rejections with retry-after, no silent drop",
        ScenarioModel.swarm().withEligible(EnumSet.of(FaultKind.BURST)).withChecks(EnumSet.of(ScenarioCheck.ACCOUNTING)),
        CatalogueInputs.queueOverflow()));
    all.add(new EngineScenario("backpressure_detection",
        "bursts into a small queue: each pressure state announced as the depth crosses 0.5, 0.8, 0.95",
        ScenarioModel.swarm().withEligible(EnumSet.of(FaultKind.BURST))
            .withChecks(EnumSet.of(ScenarioCheck.PRESSURE_FOLLOWS_DEPTH, ScenarioCheck.ACCOUNTING)),
        CatalogueInputs.backpressureDetection()));
    all.add(only("clock_skew", "+/-5 s offsets and steps on server and clients", FaultKind.CLOCK_SKEW));
    all.add(new EngineScenario("eventual_consistency",
        "healthy streaming with recall probes: every accepted observation visible within 100 ms",
        quiet.withChecks(EnumSet.of(ScenarioCheck.BOUNDED_STALENESS)), CatalogueInputs.eventualConsistency()));
    all.add(new EngineScenario("disk_faults",
        "crashes, torn writes and corrupted records while compacting every 25 to 400 records: recovery, snapshot"
            + " install and segment rolls under disk faults",
        diskFaults));
    all.add(new EngineScenario("graph_integrity", "many observations per space under worker kills and crashes: sound graphs",
        ScenarioModel.swarm().withEligible(EnumSet.of(FaultKind.KILL, FaultKind.CRASH)).withClients(1, 2, 300, 600)));
    all.add(new EngineScenario("combined_sustained",
        "10 s of streaming (2 clients x 5,000 at 500/s) under up to 16 faults of every kind, then heal",
        ScenarioModel.swarm().withFaultWindow(10 * SECOND, 16).withClients(2, 2, 5_000, 5_000).withRate(500, 500)));
    all.add(new EngineScenario("sustained_10min",
        "10 virtual minutes at 1,000/s: delays, 1% loss, a worker killed every 10 s, bursts every 5 s, skew every 30 s"
            + " (nightly: minutes a run)",
        ScenarioModel.swarm().withEligible(
            EnumSet.of(FaultKind.DELAY, FaultKind.LOSS, FaultKind.KILL, FaultKind.BURST, FaultKind.CLOCK_SKEW))
            .withFaultWindow(CatalogueInputs.SUSTAINED_NANOS, 200),
        CatalogueInputs.sustained10Minutes()).asNightly());
    // Integration scenarios
    all.add(new EngineScenario("end_to_end", "10,000 observations through 4 workers, no fault: all accepted and indexed",
        quiet, CatalogueInputs.endToEnd()));
    all.add(new EngineScenario("multi_client", "3 clients x 5,000 into 3 spaces, no fault: each space holds exactly its own",
        quiet, CatalogueInputs.multiClient()));
    all.add(new EngineScenario("backpressure",
        "10,000 sent unthrottled into a queue of 1,000: accepted + rejected = sent, and it recovers",
        ScenarioModel.swarm().withEligible(EnumSet.of(FaultKind.BURST)).withChecks(EnumSet.of(ScenarioCheck.ACCOUNTING)),
        CatalogueInputs.backpressure()));
    all.add(only("worker_failure_recovery", "workers killed mid-stream; restarted, nothing lost", FaultKind.KILL));
    all.add(new EngineScenario("recall_during_streaming",
        "recalls while streaming, under delay and reordering: results stay in their space and their snapshot",
        ScenarioModel.swarm().withEligible(EnumSet.of(FaultKind.DELAY, FaultKind.REORDER, FaultKind.SHUFFLE_TIES))
            .withClients(2, 3, 200, 400)));
    // Baselines: the same spaces with every fault at a uniform time, to measure what aiming finds
    // (seeds to the first failure of a planted bug, aimed against uniform). Scenarios of their own,
    // not a switch, so that a failure file names its generator and shrinks and replays under it.
    all.add(new EngineScenario("swarm_uniform", "swarm with no fault aimed at a transition point: the baseline"
        + " aiming is measured against", ScenarioModel.swarm().withUniformTimes()));
    all.add(new EngineScenario("disk_faults_uniform", "disk_faults with no fault aimed at a transition point: the"
        + " baseline aiming is measured against", diskFaults.withUniformTimes()));
    // For exhaustive mode
    all.add(new EngineScenario("small_schedules",
        "every schedule of at most 2 faults (crash, kill, partition, pause) at 10/40/80 ms: for --exhaustive",
        ScenarioModel.swarm().withEligible(
            EnumSet.of(FaultKind.CRASH, FaultKind.KILL, FaultKind.PARTITION, FaultKind.PAUSE)).withFaultWindow(SECOND, 4),
        CatalogueInputs.smallSchedules()));
    return all;
  }

  public static Optional<EngineScenario> named(String name) {
    return all().stream().filter(s -> s.name().equals(name)).findFirst();
  }

  private static EngineScenario only(String name, String description, FaultKind kind) {
    return new EngineScenario(name, description, ScenarioModel.swarm().withEligible(EnumSet.of(kind)));
  }
}
