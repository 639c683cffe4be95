package io.detsim.scenarios.engine;

import io.detsim.properties.core.ChoiceSource;
import io.detsim.properties.core.Gen;
import io.detsim.properties.scenario.DiskDamage;
import io.detsim.properties.scenario.FaultAim;
import io.detsim.properties.scenario.Swarm;
import io.detsim.sim.fault.Anchor;
import io.detsim.sim.fault.Fault;
import io.detsim.sim.fault.FaultKind;
import io.detsim.sim.fault.FaultSchedule;
import io.detsim.sim.fault.ScheduledFault;
import io.detsim.sim.port.NodeId;
import io.detsim.sim.port.Ratio;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;

/**
 * Draws a whole {@link ScenarioInput} from one choice sequence, so that shrinking simplifies every
 * part of a failing run at once: fewer fault entries, fewer enabled kinds (each a span of the swarm's
 * list, so shrinking also removes what the simulator would randomise, such as standing loss), smaller
 * workloads, simpler engines (fewer workers, the default queue, dimension 8, no compaction). Each
 * choice's simplest value is the gentlest: no fault, the first client, the earliest time, the
 * smallest size.
 *
 * <p>Fault times are whole milliseconds: workers finish work on millisecond ticks, so faults and
 * completions meet on the same instants, where same-instant races live.
 */
final class InputGenerator {
  private static final long MS = 1_000_000L;
  private static final long SECOND = 1_000_000_000L;
  static final NodeId SERVER = NodeId.of("server");
  /**
   * The dimensions a run's engine may have, simplest first: neighbour pruning with many close
   * candidates, and distance kernels wider than one vector lane, only matter from 16 up.
   */
  private static final List<Integer> DIMENSIONS = List.of(ScenarioInput.EngineShape.SIMPLEST_DIMENSION, 16, 32, 64, 128);
  /**
   * Log records between compactions, simplest first: 0 is the design's 20,000, which no generated
   * workload reaches (at most 3 x 400 observations); the others make compaction, snapshot install and
   * segment rolls happen, under crashes, inside a two-second run.
   */
  private static final List<Long> COMPACTION_THRESHOLDS = List.of(0L, 400L, 100L, 25L);
  /**
   * How often a scenario without disk shapes compacts early: a quarter of its runs, so that the
   * default campaign reaches compaction, snapshot install and segment rolls under crashes (and aims
   * crashes at them) while three runs in four keep long logs whose torn tails recovery must cut.
   */
  private static final Ratio EARLY_COMPACTION = Ratio.of(1, 4);

  /**
   * How often a client closes its session right after its last send: a quarter of them, so that the
   * server's drain (a closing session with observations in flight) runs under faults, which a client
   * that closes only once everything is answered never reaches.
   */
  private static final Ratio CLOSE_AFTER_LAST_SEND = Ratio.of(1, 4);

  private InputGenerator() {}

  static Gen<ScenarioInput> of(ScenarioModel model) {
    Gen<ScenarioInput> gen = source -> generate(model, source);
    return gen.describe("scenario input");
  }

  private static ScenarioInput generate(ScenarioModel model, ChoiceSource source) {
    long simulationSeed = source.choose(0, (1 << 20) - 1); // part of the input: a failure replays from its choices
    int workers = (int) source.choose(model.workersMin(), model.workersMax());
    int capacity = model.queueCapacities().get((int) source.choose(0, model.queueCapacities().size() - 1));
    int dimension = DIMENSIONS.get((int) source.choose(0, DIMENSIONS.size() - 1));
    long compaction = model.diskShapes() ? compactionThreshold(source) : earlyCompaction(source);
    ScenarioInput.EngineShape engine = new ScenarioInput.EngineShape(workers, capacity, dimension, compaction);
    // Aimed only at points this engine can announce: a crash aimed at compaction in a run that never
    // compacts, or at a steal with one worker, would never strike.
    List<ScenarioInput.ClientSpec> clients = clients(model, source);
    List<String> points = model.aimed() ? EnginePoints.reachable(engine, clients) : List.of();
    List<NodeId> clientIds = new ArrayList<>();
    clients.forEach(c -> clientIds.add(NodeId.of(c.name())));
    // The swarm and the faults come last: what a failure does not need then shrinks to trailing
    // zeros, which a failure file leaves out, so a failure that needs no fault is a few choices long.
    Swarm swarm = Swarm.gen(model.eligible()).generate(source);
    List<FaultKind> schedulable = schedulable(model);
    List<ScheduledFault> entries = new ArrayList<>();
    if (schedulable.stream().anyMatch(swarm::has)) {
      // listOf: a "one more?" choice before each entry, each entry its own span, so that deleting a
      // span deletes exactly one fault while shrinking (a count drawn up front would re-read the rest).
      Gen<List<ScheduledFault>> entry = faultSource -> {
        FaultKind kind = swarm.pick(schedulable, (int) faultSource.choose(0, schedulable.size() - 1));
        // Aimed at the engine's points; a model that is not aimed (the uniform baseline) has none.
        Optional<Anchor> aim = FaultAim.draw(faultSource, kind, points);
        long at = FaultAim.at(aim, model.faultWindowNanos(), faultSource);
        return faults(kind, aim, at, workers, clientIds, model, faultSource);
      };
      Gen.listOf(entry, 0, model.maxFaultEntries()).generate(source).forEach(entries::addAll);
    }
    return new ScenarioInput(simulationSeed, engine, swarm, clients, FaultSchedule.of(entries));
  }

  /** A compaction threshold, the design's (0) first, then ever more frequent compactions. */
  private static long compactionThreshold(ChoiceSource source) {
    return COMPACTION_THRESHOLDS.get((int) source.choose(0, COMPACTION_THRESHOLDS.size() - 1));
  }

  /** In a quarter of the runs one of the early thresholds, else the design's (0). */
  private static long earlyCompaction(ChoiceSource source) {
    return source.chance(EARLY_COMPACTION)
        ? COMPACTION_THRESHOLDS.get(1 + (int) source.choose(0, COMPACTION_THRESHOLDS.size() - 2)) : 0;
  }

  /**
   * The clients, each with a slot that names it, its space and so its random streams (which time its
   * sends and make its embeddings). The slot is a choice rather than the client's place in the list,
   * so that a failure that needs only the third client drawn shrinks to that client alone: named by
   * its place, it would become the first once the two before it were deleted, with other sends at
   * other times, and both would stay (a planted bug's run of 63 choices kept three clients, 33 in
   * all, for a failure that one client shows). A slot drawn again takes the next free one.
   */
  private static List<ScenarioInput.ClientSpec> clients(ScenarioModel model, ChoiceSource source) {
    Gen<int[]> client = clientSource -> new int[] {
        (int) clientSource.choose(0, model.clientsMax() - 1),
        (int) clientSource.choose(model.observationsMin(), model.observationsMax()),
        (int) clientSource.choose(model.rateMin(), model.rateMax()),
        clientSource.chance(Ratio.of(1, 3)) ? 1 : 0,
        model.recallProbes() && clientSource.chance(Ratio.of(1, 2)) ? 1 : 0,
        clientSource.chance(CLOSE_AFTER_LAST_SEND) ? 1 : 0};
    List<int[]> drawn = Gen.listOf(client, model.clientsMin(), model.clientsMax()).generate(source);
    List<ScenarioInput.ClientSpec> clients = new ArrayList<>();
    boolean[] taken = new boolean[model.clientsMax()];
    for (int[] c : drawn) {
      int slot = c[0];
      while (taken[slot]) { // at most clientsMax clients: a free slot remains
        slot = (slot + 1) % taken.length;
      }
      taken[slot] = true;
      clients.add(new ScenarioInput.ClientSpec("client-" + slot, "space-" + slot, c[1], c[2], c[3] == 1, c[4] == 1,
          c[5] == 1));
    }
    return clients;
  }

  /** The kinds a schedule entry may have in this model, whichever the swarm enables. */
  private static List<FaultKind> schedulable(ScenarioModel model) {
    List<FaultKind> kinds = new ArrayList<>();
    for (FaultKind kind : model.eligible()) {
      boolean optionsOnly = kind == FaultKind.BUGGIFY || kind == FaultKind.SHUFFLE_TIES;
      if (!optionsOnly && (kind != FaultKind.BURST || model.burstMax() > 0)) {
        kinds.add(kind);
      }
    }
    return kinds;
  }

  /** The entries one drawn fault makes: a fault and, where it has one, its inverse later. */
  private static List<ScheduledFault> faults(FaultKind kind, Optional<Anchor> aim, long at, int workers,
      List<NodeId> clients, ScenarioModel model, ChoiceSource source) {
    List<ScheduledFault> out = new ArrayList<>();
    long duration = (1 + source.choose(0, 499)) * MS;
    // Over the model's most clients and workers, for the reason Swarm.pick gives: a run shrunk to
    // fewer clients or workers still draws these choices (a value past the last wraps around).
    NodeId client = clients.get((int) source.choose(0, model.clientsMax() - 1) % clients.size());
    switch (kind) {
      case CRASH:
        out.add(entry(aim, at, new Fault.Crash(SERVER)));
        out.add(entry(aim, at + duration, new Fault.Restart(SERVER)));
        break;
      case DISK: {
        // A flapping node: torn writes (the knob is in the swarm) matter at a crash, and what a
        // recovery did with a torn tail shows only at the next recovery, once clients have written
        // again: after a crash they back off for hundreds of milliseconds, so the node stays up
        // for up to a second between the two crashes.
        long up = (1 + source.choose(0, 999)) * MS;
        out.add(entry(aim, at, new Fault.Crash(SERVER)));
        out.add(entry(aim, at + duration, new Fault.Restart(SERVER)));
        if (model.diskShapes() && source.chance(Ratio.of(1, 2))) {
          // A bit flipped in stored bytes while the node is up: only its checksums can notice, at
          // the next recovery (docs/engine.md: it may lose what follows, never serve it garbled).
          long corruptAt = at + duration + source.choose(0, up / MS - 1) * MS;
          out.add(entry(aim, corruptAt, DiskDamage.draw(source, SERVER)));
        }
        out.add(entry(aim, at + duration + up, new Fault.Crash(SERVER))); // heal-all restarts it
        break;
      }
      case PAUSE:
        out.add(entry(aim, at, new Fault.Pause(SERVER, duration)));
        break;
      case KILL:
        long worker = source.choose(0, model.workersMax() - 1) % workers;
        out.add(entry(aim, at, new Fault.Kill(SERVER.child("worker-" + worker))));
        break;
      case PARTITION:
        out.add(entry(aim, at, new Fault.Partition(new TreeSet<>(List.of(client)), new TreeSet<>(List.of(SERVER)),
            source.chance(Ratio.of(1, 2)))));
        out.add(entry(aim, at + duration, new Fault.Heal()));
        break;
      case CLOG: {
        boolean toServer = source.chance(Ratio.of(1, 2));
        NodeId from = toServer ? client : SERVER;
        NodeId to = toServer ? SERVER : client;
        out.add(entry(aim, at, new Fault.Clog(from, to, duration)));
        if (source.chance(Ratio.of(1, 2))) {
          // Lifted early, as an operator or a recovered link does: what was held is let through at once.
          out.add(entry(aim, at + source.choose(0, duration / MS - 1) * MS, new Fault.Unclog(from, to)));
        }
        break;
      }
      case DELAY:
        out.add(entry(aim, at, new Fault.Delay(0, (1 + source.choose(0, 99)) * MS)));
        break;
      case LOSS:
        out.add(entry(aim, at, new Fault.Loss(Ratio.of(1, 50 - source.choose(0, 48)))));
        break;
      case DUPLICATE:
        out.add(entry(aim, at, new Fault.Duplicate(Ratio.of(1, 50 - source.choose(0, 48)))));
        break;
      case REORDER:
        out.add(entry(aim, at, new Fault.Reorder(Ratio.of(1, 20 - source.choose(0, 18)))));
        break;
      case CLOCK_SKEW:
        NodeId node = source.chance(Ratio.of(1, 2)) ? SERVER : client;
        long offset = (source.choose(0, 10_000) - 5_000) * MS; // within +/-5 s, as in the original
        switch ((int) source.choose(0, 2)) {
          case 0 -> out.add(entry(aim, at, new Fault.ClockOffset(node, offset)));
          case 1 -> out.add(entry(aim, at, new Fault.ClockJump(node, offset)));
          // A clock running fast or slow, up to the 500 ppm NTP disciplines at most (ntpd's frequency limit).
          default -> out.add(entry(aim, at, new Fault.ClockDrift(node, source.choose(0, 1_000) - 500)));
        }
        break;
      case BURST:
        out.add(entry(aim, at, new Fault.Burst((int) (1 + source.choose(0, model.burstMax() - 1)))));
        break;
      default:
        throw new AssertionError("not a schedulable kind: " + kind);
    }
    return out;
  }

  /** An entry at {@code at}: from the run's start, or from {@code aim}'s announcement when aimed. */
  private static ScheduledFault entry(Optional<Anchor> aim, long at, Fault fault) {
    return new ScheduledFault(at, fault, aim);
  }

  static long seconds(long count) {
    return count * SECOND;
  }
}
