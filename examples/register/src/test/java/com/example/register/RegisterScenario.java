package com.example.register;

import io.detsim.properties.core.Gen;
import io.detsim.properties.scenario.FaultScheduleGen;
import io.detsim.properties.scenario.InputText;
import io.detsim.properties.scenario.PlantedBug;
import io.detsim.properties.scenario.RunSettings;
import io.detsim.properties.scenario.Scenario;
import io.detsim.properties.scenario.ScenarioRun;
import io.detsim.properties.scenario.TwoPhaseRun;
import io.detsim.sim.SimOptions;
import io.detsim.sim.Simulation;
import io.detsim.sim.fault.FaultKind;
import io.detsim.sim.port.NodeId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;

/**
 * The register under crashes, pauses and partitions of its two servers: every acknowledged write
 * must be on the backup once the faults heal, and the client must finish within five seconds of
 * the heal. Half the crashes and pauses strike just after a transition point the servers announce
 * (a write sent to the backup, a value synced there), where uniform times seldom land.
 */
public final class RegisterScenario implements Scenario<RegisterInput> {
  static final String ACK_BEFORE_REPLICATE = "ack-before-replicate";
  private static final long MS = 1_000_000L;
  private static final long WINDOW_NANOS = 500 * MS;
  private static final NodeId PRIMARY = NodeId.of("primary");
  private static final NodeId BACKUP = NodeId.of("backup");
  private static final NodeId CLIENT = NodeId.of("client");
  /** The transition points the servers announce: half the crashes and pauses are aimed at them. */
  private static final List<String> POINTS = List.of(Primary.REPLICATION_SENT, Backup.VALUE_SYNCED);

  private static final Gen<RegisterInput> INPUTS = source -> new RegisterInput(
      source.choose(0, (1 << 16) - 1), (int) source.choose(1, 20),
      FaultScheduleGen.over(List.of(PRIMARY, BACKUP))
          .kinds(EnumSet.of(FaultKind.CRASH, FaultKind.PAUSE, FaultKind.PARTITION))
          .window(WINDOW_NANOS).maxEntries(4).maxDuration(200 * MS).aimedAt(POINTS).gen().generate(source));

  @Override
  public String name() {
    return "kv-register";
  }

  @Override
  public String description() {
    return "a primary/backup register under crashes, pauses and partitions: no acknowledged write lost";
  }

  @Override
  public Gen<RegisterInput> inputs() {
    return INPUTS;
  }

  @Override
  public Optional<InputText<RegisterInput>> text() {
    return Optional.of(new RegisterInputText());
  }

  @Override
  public List<PlantedBug> plantedBugs() {
    return List.of(new PlantedBug(ACK_BEFORE_REPLICATE,
        "the primary acknowledges a write as it arrives, before the backup has it"));
  }

  @Override
  public ScenarioRun run(RegisterInput input, RunSettings settings) {
    Simulation sim = new Simulation(input.simulationSeed(),
        SimOptions.none().withPlanted(settings.planted(RegisterBug.class)));
    sim.addNode(PRIMARY.name(), context -> new Primary(context, BACKUP));
    sim.addNode(BACKUP.name(), Backup::new);
    sim.addNode(CLIENT.name(), context -> new Client(context, PRIMARY, input.writes()));
    return TwoPhaseRun.on(sim, settings)
        .faults(input.schedule(), WINDOW_NANOS)
        .points(POINTS)
        .settleWithin(5_000 * MS, () -> client(sim).isDone(),
            () -> "the client has " + client(sim).acknowledged().size() + " of " + input.writes() + " acknowledged")
        .atEnd("LOST_WRITE", () -> lost(sim))
        .labels(() -> List.of(input.schedule().size() == 0 ? "no faults" : "faults"))
        .run();
  }

  private static Client client(Simulation sim) {
    return sim.node(CLIENT, Client.class);
  }

  /** The acknowledged writes the backup does not hold. */
  private static Optional<String> lost(Simulation sim) {
    List<Long> missing = new ArrayList<>(client(sim).acknowledged());
    missing.removeAll(sim.node(BACKUP, Backup.class).values());
    return missing.isEmpty() ? Optional.empty()
        : Optional.of(missing.size() + " acknowledged writes not on the backup: " + missing);
  }
}
