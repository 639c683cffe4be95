package io.detsim.properties.scenario;

import io.detsim.sim.fault.FaultKind;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;

/** The catalogue of scenarios, by name. The first is the default fuzz scenario. */
public final class Scenarios {
  private Scenarios() {}

  public static List<Scenario> all() {
    List<Scenario> all = new ArrayList<>();
    all.add(new Scenario("swarm", "every fault kind, a random subset per seed (swarm testing); the default",
        ScenarioModel.swarm()));
    all.add(only("network_delays", "0-100 ms extra delays; order and no loss hold", FaultKind.DELAY));
    all.add(only("packet_loss_with_retries", "message loss; clients retry with backoff; nothing lost", FaultKind.LOSS));
    all.add(only("clock_skew", "+/-5 s offsets and steps on server and clients", FaultKind.CLOCK_SKEW));
    all.add(only("worker_failure_recovery", "workers killed mid-stream; restarted, nothing lost", FaultKind.KILL));
    all.add(new Scenario("multi_client", "3 clients into 3 spaces, no fault: each space holds exactly its own",
        ScenarioModel.swarm().withEligible(EnumSet.noneOf(FaultKind.class)).withClients(3, 3, 200, 400)));
    all.add(new Scenario("recall_during_streaming",
        "recalls while streaming, under delay and reordering: results stay in their space and their snapshot",
        ScenarioModel.swarm().withEligible(EnumSet.of(FaultKind.DELAY, FaultKind.REORDER, FaultKind.SHUFFLE_TIES))
            .withClients(2, 3, 200, 400)));
    all.add(new Scenario("graph_integrity", "many observations per space under worker kills and crashes: sound graphs",
        ScenarioModel.swarm().withEligible(EnumSet.of(FaultKind.KILL, FaultKind.CRASH)).withClients(1, 2, 300, 600)));
    // Not yet the original's combined_sustained (10 s of streaming under every fault): the workload
    // here finishes within a second, while faults keep striking for 10 s. The long runs are nightly work.
    all.add(new Scenario("combined_sustained", "up to 16 faults of every kind over a 10 s window, then heal",
        ScenarioModel.swarm().withFaultWindow(10_000_000_000L, 16)));
    all.add(new Scenario("queue_overflow", "load bursts into a small queue: rejections with retry-after, no silent drop",
        ScenarioModel.swarm().withEligible(EnumSet.of(FaultKind.BURST)).withQueueCapacities(List.of(200, 400))));
    return all;
  }

  public static Optional<Scenario> named(String name) {
    return all().stream().filter(s -> s.name().equals(name)).findFirst();
  }

  private static Scenario only(String name, String description, FaultKind kind) {
    return new Scenario(name, description, ScenarioModel.swarm().withEligible(EnumSet.of(kind)));
  }
}
