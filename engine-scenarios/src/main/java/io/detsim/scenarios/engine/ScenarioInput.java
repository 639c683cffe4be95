package io.detsim.scenarios.engine;

import io.detsim.properties.scenario.Swarm;
import io.detsim.sim.SimOptions;
import io.detsim.sim.buggify.BuggifyOptions;
import io.detsim.sim.disk.DiskOptions;
import io.detsim.sim.fault.FaultKind;
import io.detsim.sim.fault.FaultSchedule;
import io.detsim.sim.net.NetworkOptions;
import io.detsim.sim.port.Ratio;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Everything one run of a scenario is made of besides the simulation seed: the engine's shape, the
 * fault kinds this run enables (swarm testing) with their standing knobs, the workload, and the
 * timed fault schedule. Generated from one choice sequence, printed in failure reports, readable.
 */
public record ScenarioInput(long simulationSeed, EngineShape engine, Swarm swarm, List<ClientSpec> clients,
    FaultSchedule schedule) {

  public ScenarioInput {
    clients = List.copyOf(clients);
  }

  /**
   * How the engine is built for the run. {@code queueCapacity} 0 keeps the design's default queue;
   * {@code compactAfterRecords} 0 keeps the design's compaction threshold (20,000 records, which a
   * short run never reaches: a small one makes compaction, snapshots and segment rolls part of it).
   */
  public record EngineShape(int workers, int queueCapacity, int dimension, long compactAfterRecords) {
    /** The dimension every scenario ran at before the shape was drawn: the simplest, and the default. */
    public static final int SIMPLEST_DIMENSION = 8;

    public EngineShape {
      if (workers < 1 || queueCapacity < 0 || dimension < 1 || compactAfterRecords < 0) {
        throw new IllegalArgumentException("engine shape out of range: " + workers + " workers, queue " + queueCapacity
            + ", dimension " + dimension + ", compaction every " + compactAfterRecords);
      }
    }

    /** The design's engine with {@code workers} and a queue: dimension 8, the default compaction threshold. */
    public EngineShape(int workers, int queueCapacity) {
      this(workers, queueCapacity, SIMPLEST_DIMENSION, 0);
    }
  }

  /**
   * One client: how many observations, how fast, whether it probes recall while streaming, and
   * whether it closes its session right after its last send (so the server drains what is in flight)
   * rather than once every observation is answered.
   */
  public record ClientSpec(String name, String space, int observations, int ratePerSecond, boolean mixedPriorities,
      boolean recallProbe, boolean closesAfterLastSend) {

    static final String MIXED_PRIORITIES = "mixed priorities";
    static final String RECALL_PROBE = "recall probe";
    static final String CLOSES_AFTER_LAST_SEND = "closes after last send";

    /** A client that closes its session once every observation is answered. */
    public ClientSpec(String name, String space, int observations, int ratePerSecond, boolean mixedPriorities,
        boolean recallProbe) {
      this(name, space, observations, ratePerSecond, mixedPriorities, recallProbe, false);
    }

    /** The flags as a client line writes them after its rate: {@code ", mixed priorities"} and so on. */
    String flagsText() {
      return (mixedPriorities ? ", " + MIXED_PRIORITIES : "") + (recallProbe ? ", " + RECALL_PROBE : "")
          + (closesAfterLastSend ? ", " + CLOSES_AFTER_LAST_SEND : "");
    }
  }

  /** The size of the input, as a person would count it: fault entries plus clients. */
  public int size() {
    return schedule.size() + clients.size();
  }

  @Override
  public String toString() {
    StringBuilder text = new StringBuilder();
    text.append("simulation seed: ").append(String.format("0x%x", simulationSeed)).append('\n');
    text.append("engine: ").append(engine.workers()).append(" workers, queue ")
        .append(engine.queueCapacity() == 0 ? "default" : String.valueOf(engine.queueCapacity()))
        .append(", dimension ").append(engine.dimension())
        .append(engine.compactAfterRecords() == 0 ? "" : ", compaction every " + engine.compactAfterRecords() + " records")
        .append('\n');
    text.append("swarm: ").append(swarm.enabled()).append(" loss ").append(swarm.loss()).append(" duplicate ")
        .append(swarm.duplicate()).append(" reorder ").append(swarm.reorder()).append(" torn writes ")
        .append(swarm.tornWrites()).append('\n');
    for (ClientSpec client : clients) {
      text.append("client ").append(client.name()).append(": ").append(client.observations()).append(" into ")
          .append(client.space()).append(" at ").append(client.ratePerSecond()).append("/s")
          .append(client.flagsText()).append('\n');
    }
    text.append(schedule.toText());
    return text.toString();
  }
}
