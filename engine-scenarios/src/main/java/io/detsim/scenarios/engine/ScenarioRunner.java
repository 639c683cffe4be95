package io.detsim.scenarios.engine;

import io.detsim.engine.client.ClientOptions;
import io.detsim.engine.client.ClosePolicy;
import io.detsim.engine.client.ClientView;
import io.detsim.engine.client.ObservationRecord;
import io.detsim.engine.client.PriorityMix;
import io.detsim.engine.client.RecallProbe;
import io.detsim.engine.client.StreamingClient;
import io.detsim.engine.protocol.Priority;
import io.detsim.engine.queue.QueueOptions;
import io.detsim.engine.planted.EngineMutant;
import io.detsim.engine.server.EngineOptions;
import io.detsim.engine.server.EngineServer;
import io.detsim.scenarios.engine.validate.ChaosTestStats;
import io.detsim.scenarios.engine.validate.Violation;
import io.detsim.properties.scenario.RunLabels;
import io.detsim.properties.scenario.RunSettings;
import io.detsim.properties.scenario.RunStoppedException;
import io.detsim.sim.Simulation;
import io.detsim.sim.fault.Fault;
import io.detsim.sim.fault.FaultKind;
import io.detsim.sim.fault.ScheduledFault;
import io.detsim.sim.port.NodeId;
import io.detsim.sim.trace.TraceEvent;
import io.detsim.sim.trace.TraceRing;
import io.detsim.sim.trace.TraceSink;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Runs one scenario input on the simulator, in two phases (TigerBeetle's VOPR): a safety phase
 * with faults on, checked at checkpoints as it goes (queue depth within capacity, everything held
 * unindexed within the queue's capacity plus the dispatch window, graph integrity),
 * then every fault healed and a liveness phase in which the system must settle within a bound:
 * every observation acknowledged, everything acknowledged visible. The end checks are in
 * {@link EndChecks}.
 */
public final class ScenarioRunner {
  private static final long MS = 1_000_000L;
  private static final long CHECKPOINT_NANOS = 50 * MS;
  private static final long INTEGRITY_EVERY_NANOS = 250 * MS;
  private static final long INTEGRITY_CHECKS = 40;
  private static final long SETTLE_STEP_NANOS = 100 * MS;
  private static final int MIN_WINDOW = 64;
  private static final int MAX_WINDOW = 1_024;
  /** How many recent events are kept to choose the telling ones from, and how many are reported. */
  private static final int RECENT_EVENTS = 4_096;
  private static final int REPORTED_EVENTS = 20;

  private ScenarioRunner() {}

  /** Limits of the liveness phase. */
  public record Limits(long settleNanos) {
    public static Limits standard() {
      return new Limits(30_000 * MS);
    }
  }

  public static RunResult run(ScenarioInput input, ScenarioModel model, Set<EngineMutant> mutants, Limits limits,
      TraceSink extraSink) {
    return run(input, model, mutants, limits, extraSink, RunSettings.plain());
  }

  /**
   * Runs {@code input}; {@code stop} is asked at every checkpoint of both phases whether to go on
   * ({@link RunSettings#checkContinue}), and its {@link RunStoppedException} ends the run unjudged.
   */
  public static RunResult run(ScenarioInput input, ScenarioModel model, Set<EngineMutant> mutants, Limits limits,
      TraceSink extraSink, RunSettings stop) {
    // The bugs are planted in the simulation, which its nodes ask as they ask BUGGIFY: the engine's
    // options carry none, and a real runtime answers no.
    Simulation sim = new Simulation(input.simulationSeed(), input.swarm().options().withPlanted(mutants));
    TraceRing ring = new TraceRing(RECENT_EVENTS);
    EngineEvents events = new EngineEvents();
    sim.trace().setSink(event -> {
      ring.accept(event);
      events.accept(event);
      if (extraSink != null) {
        extraSink.accept(event);
      }
    });
    stop.meter().ifPresent(sim::meterHandlers);
    CrashNowCheck crashNow = new CrashNowCheck(sim, InputGenerator.SERVER);
    sim.onPoint(crashNow);
    sim.onSend(crashNow);
    EngineOptions engine = engineOptions(input);
    sim.addNode(InputGenerator.SERVER.name(), context -> new EngineServer(context, engine));
    List<NodeId> clients = new ArrayList<>();
    for (ScenarioInput.ClientSpec spec : input.clients()) {
      ClientOptions options = clientOptions(spec.space(), spec.observations(), spec.ratePerSecond(),
          windowFor(spec.ratePerSecond()), input.engine().dimension())
          .withPriorityMix(spec.mixedPriorities() ? new PriorityMix(1, 2, 1) : PriorityMix.fixed(Priority.NORMAL))
          .withRecallProbe(spec.recallProbe() ? RecallProbe.every(10 * MS, 10, true) : RecallProbe.none())
          .withClose(spec.closesAfterLastSend() ? ClosePolicy.AFTER_LAST_SEND : ClosePolicy.WHEN_DONE);
      clients.add(sim.addNode(spec.name(), context -> new StreamingClient(context, options)));
    }
    sim.onBurst(size -> {
      // A burst mixes priorities as the lanes are sized (1:2:1), so it can fill the whole queue
      // and drive pressure through every threshold, not just fill the NORMAL lane.
      ClientOptions burst = clientOptions("space-burst", size, 100_000, Math.min(size, 1_024), input.engine().dimension())
          .withPriorityMix(new PriorityMix(1, 2, 1));
      clients.add(sim.addNode("burst-" + clients.size(), context -> new StreamingClient(context, burst)));
    });
    List<ScheduledFault> entries = new ArrayList<>(input.schedule().entries());
    // Heal after the last fault, even one a pattern or a hand-edited schedule put past the window.
    long healAtNanos = Math.max(model.faultWindowNanos(), input.schedule().lastFaultAtNanos() + MS);
    entries.add(new ScheduledFault(healAtNanos, new Fault.HealAll()));
    sim.schedule(entries);

    List<Violation> violations = new ArrayList<>();
    try {
      // A safety violation is decided at its checkpoint: the run stops there, which also keeps
      // shrinking cheap. Past the safety phase every check runs even when one has failed, so a
      // liveness failure cannot hide an acknowledged observation lost (Violation.Kind's order).
      safetyPhase(sim, healAtNanos, model, events, crashNow, stop).ifPresentOrElse(violations::add, () -> {
        livenessPhase(sim, clients, limits, stop).ifPresent(violations::add);
        EndChecks endChecks = new EndChecks(sim, clients, events);
        violations.addAll(endChecks.run());
        if (endChecks.lostToCorruption() > 0) {
          events.label("engine:lost-to-detected-corruption");
        }
        violations.addAll(EndChecks.scenarioChecks(sim, clients, model));
        crashNow.violation().ifPresent(violations::add); // found while the run settled
      });
    } catch (RunStoppedException stopped) { // not the engine's doing: no verdict
      throw stopped;
    } catch (RuntimeException | AssertionError e) { // a bug the engine's own checks caught, or a crash
      violations.add(Violation.thrown(sim.nowNanos(), e));
    }
    Optional<Violation> mostSevere = violations.stream().min(Violation.mostSevereFirst());
    return new RunResult(violations, sim.digest(), sim.nowNanos(), telling(ring.events(), mostSevere),
        stats(sim, clients), labels(input, sim, clients, events));
  }

  /**
   * The last events before a violation was detected that tell something about it: those naming an
   * observation of its evidence when it has some, else those that are not the supervisor's
   * heartbeats or bare timers, which otherwise fill the last seconds of every settled run.
   */
  static List<TraceEvent> telling(List<TraceEvent> recent, Optional<Violation> violation) {
    List<String> evidence = violation.map(Violation::evidence).orElse(List.of());
    List<TraceEvent> chosen = new ArrayList<>();
    for (int i = recent.size() - 1; i >= 0 && chosen.size() < REPORTED_EVENTS; i--) {
      TraceEvent event = recent.get(i);
      String detail = event.detail() == null ? "" : event.detail();
      boolean telling = evidence.isEmpty()
          ? !event.kind().equals("timer") && !detail.startsWith("heartbeat") && !detail.startsWith("alive")
          : evidence.stream().anyMatch(id -> detail.contains(id));
      if (telling) {
        chosen.add(0, event);
      }
    }
    return chosen;
  }

  private static Optional<Violation> safetyPhase(Simulation sim, long healAtNanos, ScenarioModel model,
      EngineEvents events, CrashNowCheck crashNow, RunSettings stop) {
    // At most INTEGRITY_CHECKS integrity checks over the safety phase (every 250 ms of a 10 s window,
    // every 15 s of ten minutes). Each walks only what changed since the last (a full walk each time
    // made the checks 40 passes over the final graph), and the end check walks every graph in full.
    long integrityEvery = Math.max(INTEGRITY_EVERY_NANOS,
        Math.floorDiv(healAtNanos / INTEGRITY_CHECKS + CHECKPOINT_NANOS - 1, CHECKPOINT_NANOS) * CHECKPOINT_NANOS);
    for (long t = 0; t < healAtNanos; t += CHECKPOINT_NANOS) {
      stop.checkContinue(sim.nowNanos());
      sim.runFor(CHECKPOINT_NANOS);
      if (crashNow.violation().isPresent()) {
        return crashNow.violation();
      }
      EngineServer server = server(sim);
      if (server == null) {
        continue; // crashed: nothing to inspect until it restarts
      }
      if (server.queueDepth() > server.queueCapacity()) {
        return Optional.of(Violation.of(Violation.Kind.BACKPRESSURE_BOUND, sim.nowNanos(),
            "queue depth " + server.queueDepth() + " above its capacity " + server.queueCapacity()));
      }
      // The queue is not all the engine holds: staged and in-flight observations count as well.
      if (server.heldUnindexed() > server.heldBound()) {
        return Optional.of(Violation.of(Violation.Kind.BACKPRESSURE_BOUND, sim.nowNanos(), server.heldUnindexed()
            + " observations held unindexed (queued, staged, in flight) above the bound " + server.heldBound()
            + " (queue capacity " + server.queueCapacity() + " plus the workers' dispatch window)"));
      }
      if (model.has(ScenarioCheck.PRESSURE_FOLLOWS_DEPTH)) {
        Optional<Violation> pressure = EndChecks.pressureAnnounced(server, events, sim.nowNanos());
        if (pressure.isPresent()) {
          return pressure;
        }
      }
      if ((t + CHECKPOINT_NANOS) % integrityEvery == 0) {
        Optional<Violation> integrity = EndChecks.integrity(server, sim.nowNanos(), true);
        if (integrity.isPresent()) {
          return integrity;
        }
      }
    }
    return Optional.empty();
  }

  private static Optional<Violation> livenessPhase(Simulation sim, List<NodeId> clients, Limits limits,
      RunSettings stop) {
    long healedAt = sim.nowNanos();
    while (sim.nowNanos() - healedAt < limits.settleNanos()) {
      stop.checkContinue(sim.nowNanos());
      if (allDone(sim, clients)) {
        return Optional.empty();
      }
      sim.runFor(SETTLE_STEP_NANOS);
    }
    if (allDone(sim, clients)) {
      return Optional.empty();
    }
    List<String> pending = new ArrayList<>();
    long unsent = 0;
    for (NodeId client : clients) {
      ClientView view = sim.node(client, StreamingClient.class).view();
      unsent += view.observationsTotal() - view.observations().size();
      for (ObservationRecord record : view.observations()) {
        if (record.outcome() == ObservationRecord.Outcome.PENDING) {
          pending.add(record.episodeId());
        }
      }
    }
    // A client too slow to send everything within the bound has observations not even sent yet.
    String notSent = unsent == 0 ? "" : " (and " + unsent + " not yet sent)";
    return Optional.of(new Violation(Violation.Kind.SILENT_DROP, pending.size()
        + " observations neither ACCEPTED nor REJECTED" + notSent + " " + limits.settleNanos() / 1_000_000_000L
        + " s after faults healed: " + String.join(", ", pending.subList(0, Math.min(10, pending.size()))),
        sim.nowNanos(), pending));
  }

  private static boolean allDone(Simulation sim, List<NodeId> clients) {
    for (NodeId client : clients) {
      if (!sim.node(client, StreamingClient.class).isDone()) {
        return false;
      }
    }
    return true;
  }

  static EngineServer server(Simulation sim) {
    return sim.isUp(InputGenerator.SERVER) ? sim.node(InputGenerator.SERVER, EngineServer.class) : null;
  }

  private static EngineOptions engineOptions(ScenarioInput input) {
    EngineOptions engine = EngineOptions.defaults(input.engine().dimension()).withWorkers(input.engine().workers());
    if (input.engine().compactAfterRecords() > 0) {
      engine = engine.withCompactAfterRecords(input.engine().compactAfterRecords());
    }
    int capacity = input.engine().queueCapacity();
    if (capacity > 0) {
      // Lanes 1:2:1 that add up to the capacity for every capacity a file may hold (quarters and a
      // half of 50 add up to 49, which the queue refuses: the text shrinker halved 100 to 50 and the
      // campaign died of it), and each lane at least 1.
      int high = Math.max(1, capacity / 4);
      int low = Math.max(1, capacity / 4);
      int normal = Math.max(1, capacity - high - low);
      engine = engine.withQueue(QueueOptions.defaults().withLaneCapacities(high, normal, low).withTotalCapacity(capacity));
    }
    return engine;
  }

  /**
   * How many observations a client may have sent and not yet had answered. The window must cover
   * the rate times the longest acknowledgement round trip a scenario draws (delays of up to 100 ms
   * each way, a group commit, a resend after a loss), or the window, not the engine, caps the rate.
   * A fixed window of 64 did: sustained_10min's client at 1,000/s under 0-100 ms delays reached about
   * 455/s (68,202 of a 120 s shape's 120,000 sent after 150 s), fell ever further behind its schedule
   * and failed the liveness bound as SILENT_DROP; with 512 it kept its rate and finished at 122 s.
   * Half a second of the rate, as a power of two from 64 to 1,024.
   */
  static int windowFor(int ratePerSecond) {
    int halfSecond = Math.max(1, ratePerSecond / 2);
    int window = Integer.highestOneBit(halfSecond) == halfSecond ? halfSecond : Integer.highestOneBit(halfSecond) << 1;
    return Math.max(MIN_WINDOW, Math.min(MAX_WINDOW, window));
  }

  private static ClientOptions clientOptions(String space, int observations, int rate, int window, int dimension) {
    return ClientOptions.of(InputGenerator.SERVER, space).withObservationsTotal(observations)
        .withDimension(dimension).withRate(rate).withWindowMax(window);
  }

  private static ChaosTestStats stats(Simulation sim, List<NodeId> clients) {
    ChaosTestStats stats = new ChaosTestStats();
    for (NodeId client : clients) {
      ClientView view = sim.node(client, StreamingClient.class).view();
      stats.sent(view.observationsTotal());
      stats.acked(view.acceptedCount());
      stats.rejected(view.finallyRejectedCount());
    }
    EngineServer server = server(sim);
    if (server != null) {
      server.spaces().forEach(space -> stats.recalled(server.held(space).stream().filter(h -> h.indexed()).count()));
    }
    stats.duration(sim.nowNanos());
    return stats;
  }

  private static List<String> labels(ScenarioInput input, Simulation sim, List<NodeId> clients,
      EngineEvents events) {
    TreeSet<String> labels = new TreeSet<>(events.labels());
    for (NodeId client : clients) {
      sim.node(client, StreamingClient.class).view().rejectionsByReason()
          .forEach((reason, count) -> labels.add("client:rejected:" + reason));
    }
    for (FaultKind kind : input.swarm().enabled()) {
      labels.add("swarm:" + kind);
    }
    labels.addAll(RunLabels.of(sim, input.schedule().entries(), EnginePoints.ALL));
    EngineServer server = server(sim);
    if (server != null) {
      if (server.recoveredObservations() > 0) {
        labels.add("engine:recovered-from-log");
      }
      if (server.workerRestarts() > 0) {
        labels.add("engine:worker-restarted");
      }
      if (server.spacesStolen() > 0) {
        labels.add("engine:space-stolen");
      }
    }
    return new ArrayList<>(labels);
  }

}
