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
