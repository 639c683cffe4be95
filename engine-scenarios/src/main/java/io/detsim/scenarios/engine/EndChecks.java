package io.detsim.scenarios.engine;

import io.detsim.engine.client.ClientView;
import io.detsim.engine.client.ObservationRecord;
import io.detsim.engine.client.RecallRecord;
import io.detsim.engine.client.SessionRecord;
import io.detsim.engine.client.StreamingClient;
import io.detsim.engine.protocol.SessionId;
import io.detsim.engine.queue.PressureState;
import io.detsim.engine.protocol.SpaceId;
import io.detsim.engine.server.EngineServer;
import io.detsim.scenarios.engine.validate.EventualConsistencyValidator;
import io.detsim.scenarios.engine.validate.GraphIntegrityValidator;
import io.detsim.scenarios.engine.validate.SequenceValidator;
import io.detsim.scenarios.engine.validate.Violation;
import io.detsim.sim.Simulation;
import io.detsim.sim.trace.TraceEvent;
import io.detsim.sim.port.NodeId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * The checks after the system settled: nothing acknowledged lost (guarantee 1), each session applied
 * in order without gap or duplicate and each space indexed in acceptance order (3, 4), each session id
 * handed out for one session only, sound graphs
 * (7), no recall result beyond its snapshot (6), recalls answered in full ({@code min(k, g)}), at a
 * snapshot that holds what their client heard INDEXED for ({@link SnapshotCoversIndexed}) and with the
 * nearest ({@link RecallQuality}). Every check runs and reports its breach; the
 * run's kind is the most severe of them ({@link Violation.Kind}), which keeps it stable while the
 * failure shrinks.
 */
final class EndChecks {
  private static final long STALENESS_NANOS = 100_000_000L;
  /** Evidence lines a violation carries at most: the first few say what went wrong. */
  private static final int MAX_EVIDENCE = 10;

  private final Simulation sim;
  private final List<NodeId> clients;
  private final long corruptionCutAtNanos;
  private final TraceEvent firstResumed;
  private final EngineEvents events;
  private long lostToCorruption;

  EndChecks(Simulation sim, List<NodeId> clients, EngineEvents events) {
    this.sim = sim;
    this.clients = clients;
    this.corruptionCutAtNanos = events.corruptionCutAtNanos();
    this.firstResumed = events.firstResumed();
    this.events = events;
  }

  /** Acknowledged observations missing at the end of a run in which recovery detected a corruption. */
  long lostToCorruption() {
    return lostToCorruption;
  }

  /** Every check's violation, in the order above; none when the run passed them all. */
  List<Violation> run() {
    sim.runFor(2 * STALENESS_NANOS); // let the last INDEXED and recall pages arrive
    EngineServer server = ScenarioRunner.server(sim);
    if (server == null) {
      return List.of(Violation.of(Violation.Kind.CRASH, sim.nowNanos(), "the server is down after heal-all"));
    }
    Map<SpaceId, List<EngineServer.Held>> held = new TreeMap<>();
    for (SpaceId space : server.spaces()) {
      held.put(space, server.held(space));
    }
    List<Violation> found = new ArrayList<>();
    noAcknowledgedLoss(held).or(this::noSessionForgotten).ifPresent(found::add);
    orderInEverySpace(held).ifPresent(found::add);
    sessionIdsNeverReused().ifPresent(found::add);
    noWrongAnswers().ifPresent(found::add);
    integrity(server, sim.nowNanos(), false).ifPresent(found::add);
    noPhantoms(held).ifPresent(found::add);
    recallsComplete().ifPresent(found::add);
    SnapshotCoversIndexed.check(views(), held, corruptionCutAtNanos >= 0).ifPresent(found::add);
    RecallQuality.check(views(), held, corruptionCutAtNanos >= 0, sim.nowNanos()).ifPresent(found::add);
    heldCountedRight(server, held).ifPresent(found::add);
    pressureAnnounced(server, events, sim.nowNanos()).ifPresent(found::add);
    return found;
  }

  /**
   * The pressure the engine last announced (its traced {@code pressure}) is the one its queue's depth
   * puts it under. At the end of every run (guarantee 8: it recovers when load drops), since a drop
   * never announced keeps BACKPRESSURE renewed over an empty queue and every client throttled, with
   * nothing lost and no bound crossed; and at each checkpoint of scenarios that check pressure states.
   */
  static Optional<Violation> pressureAnnounced(EngineServer server, EngineEvents events, long nowNanos) {
    PressureState expected = PressureState.of(server.queueDepth(), server.queueCapacity());
    if (events.announcedPressure() == expected) {
      return Optional.empty();
    }
    return Optional.of(Violation.of(Violation.Kind.BACKPRESSURE_BOUND, nowNanos, "queue depth "
        + server.queueDepth() + " of " + server.queueCapacity() + " is " + expected
        + ", but the engine last announced " + events.announcedPressure()));
  }

  /**
   * The engine's count of what it holds unindexed (queued, staged, in a batch that is out) is the
   * number of its observations not yet indexed. Backpressure and admission act on that count, so a
   * count that leaks refuses clients for observations long indexed, or admits past the bound; the
   * bound check alone sees a leak only once it outgrows the queue's capacity, which a short run with
   * a large queue never does.
   */
  private Optional<Violation> heldCountedRight(EngineServer server, Map<SpaceId, List<EngineServer.Held>> held) {
    long unindexed = 0;
    for (List<EngineServer.Held> list : held.values()) {
      for (EngineServer.Held h : list) {
        if (!h.indexed()) {
          unindexed++;
        }
      }
    }
    if (server.heldUnindexed() == unindexed) {
      return Optional.empty();
    }
    return Optional.of(Violation.of(Violation.Kind.BACKPRESSURE_BOUND, sim.nowNanos(), "the engine counts "
        + server.heldUnindexed() + " observations held unindexed (queued, staged, in flight), but " + unindexed
        + " of those it holds are not indexed: backpressure acts on a count that is wrong"));
  }

  /** Every acknowledged observation is held and visible. */
  private Optional<Violation> noAcknowledgedLoss(Map<SpaceId, List<EngineServer.Held>> held) {
    // Hash sets: only membership is asked, so their order does not matter, and a run of a million
    // observations costs a million hashes, not twenty million string comparisons.
    Set<String> visible = new HashSet<>();
    Set<String> present = new HashSet<>();
    held.values().forEach(list -> list.forEach(h -> {
      present.add(h.memoryId());
      // Visible means a recall can find it: in the space's graph (a generation), not merely marked
      // indexed by the server's bookkeeping, which a lost batch acknowledgement would fool.
      if (h.indexed() && h.generation() != 0) {
        visible.add(h.memoryId());
      }
    }));
    EventualConsistencyValidator consistency = new EventualConsistencyValidator(STALENESS_NANOS);
    for (NodeId client : clients) {
      for (ObservationRecord record : view(client).observations()) {
        if (record.outcome() != ObservationRecord.Outcome.ACCEPTED) {
          continue;
        }
        if (corruptionCutAtNanos >= 0 && !present.contains(record.episodeId())) {
          // A bit flipped in a synced record: recovery detects it and stops there (point-in-time,
          // docs/engine.md), losing what followed unless a client still streaming resends it. No
          // single-copy engine can do better; what it must not do is lose anything undetected, so
          // runs without a detected corruption keep the whole check. Which records followed the
          // flipped one is not known here (an ACCEPTED sent before the crash may arrive after it,
          // and clients' clocks are skewed), so every loss of such a run is forgiven.
          lostToCorruption++;
          continue;
        }
        consistency.recordAck(record.episodeId(), record.acceptedAs().seq(), record.acceptedAtNanos().orElse(0));
      }
    }
    Optional<Violation> lost = consistency.validateAllPresent(present, sim.nowNanos());
    return lost.isPresent() ? lost : consistency.validateAllPresent(visible, sim.nowNanos()).map(v ->
        new Violation(Violation.Kind.CONSISTENCY_TIMEOUT, v.message().replace("missing", "not visible"),
            v.atNanos(), v.evidence()));
  }

  /**
   * The server never forgot what a session had been told was ACCEPTED: it never had to resume one
   * after numbers its client held (docs/decisions.md). Resuming keeps the stream going, and when
   * the records survived nothing is missing at the end, so only the resumption shows the lost state
   * (a recovery that forgot the sessions' last numbers). Waived, like the loss check, after a
   * detected corruption.
   */
  private Optional<Violation> noSessionForgotten() {
    if (firstResumed == null || corruptionCutAtNanos >= 0) {
      return Optional.empty();
    }
    return Optional.of(Violation.of(Violation.Kind.DATA_LOSS, firstResumed.timeNanos(),
        "the server forgot numbers it had ACCEPTED: " + firstResumed.detail()));
  }

  /**
   * Each session id the engine handed out opened one session: one client's one Init. The server
   * numbers sessions on from its log, and after a log cut from a random point far above it, because
   * the ids it gave out after the cut are gone with the cut; an id given twice makes an old session's
   * in-flight copies count as the new session's (docs/decisions.md, session ids after a log cut).
   * Checked here at its source, on every InitAck a client took, not only through that rare
   * consequence.
   */
  private Optional<Violation> sessionIdsNeverReused() {
    Map<SessionId, String> openedBy = new HashMap<>();
    for (NodeId client : clients) {
      for (SessionRecord session : view(client).sessions()) {
        String opener = client.name() + "'s Init #" + session.requestId();
        String earlier = openedBy.putIfAbsent(session.session(), opener);
        if (earlier != null && !earlier.equals(opener)) {
          return Optional.of(Violation.of(Violation.Kind.SEQUENCE_VIOLATION, session.openedAtNanos(), "session "
              + session.session().value() + " was opened for " + earlier + " and again for " + opener
              + ": the engine handed out one session id twice"));
        }
      }
    }
    return Optional.empty();
  }

  /**
   * No client heard an answer a correct server never gives. The client notes such answers and goes
   * on ({@link ClientView#anomalies()}: an ACCEPTED for a number it never sent or after a final
   * refusal, a gap reported beyond its last send, a memory id it did not send), so a server bug that
   * answers wrongly but loses nothing is seen here or nowhere.
   */
  private Optional<Violation> noWrongAnswers() {
    for (NodeId client : clients) {
      List<String> anomalies = view(client).anomalies();
      if (!anomalies.isEmpty()) {
        return Optional.of(new Violation(Violation.Kind.PROTOCOL_VIOLATION, client.name() + " heard "
            + anomalies.size() + " answer(s) a correct server never gives, first: " + anomalies.get(0), sim.nowNanos(),
            anomalies.subList(0, Math.min(anomalies.size(), MAX_EVIDENCE))));
      }
    }
    return Optional.empty();
  }

  /** Per session: sequence order without gap or duplicate; per space: index order is acceptance order. */
  private Optional<Violation> orderInEverySpace(Map<SpaceId, List<EngineServer.Held>> held) {
    for (Map.Entry<SpaceId, List<EngineServer.Held>> space : held.entrySet()) {
      Map<SessionId, SequenceValidator> sessions = new LinkedHashMap<>();
      Set<String> ids = new HashSet<>();
      long lastGeneration = 0;
      for (EngineServer.Held h : space.getValue()) {
        if (!ids.add(h.memoryId())) {
          return Optional.of(Violation.of(Violation.Kind.SEQUENCE_VIOLATION, sim.nowNanos(),
              h.memoryId() + " applied twice in " + space.getKey().value()));
        }
        SequenceValidator session = sessions.computeIfAbsent(h.session(), s -> new SequenceValidator("session " + s.value()));
        int gapsBefore = session.gapCount();
        Optional<Violation> order = session.observe(h.seq(), sim.nowNanos());
        // A gap is where observations lost to a detected corruption were (noAcknowledgedLoss
        // forgives them; the session resumed after them); a duplicate or a step back never is.
        boolean lostToCorruption = corruptionCutAtNanos >= 0 && session.gapCount() > gapsBefore;
        if (order.isPresent() && !lostToCorruption) {
          return order;
        }
        if (h.generation() != 0 && h.generation() <= lastGeneration) {
          return Optional.of(new Violation(Violation.Kind.SEQUENCE_VIOLATION, h.memoryId()
              + " was indexed out of acceptance order in " + space.getKey().value(), sim.nowNanos(),
              List.of(h.memoryId())));
        }
        lastGeneration = Math.max(lastGeneration, h.generation());
      }
    }
    return Optional.empty();
  }

  /** The checks a scenario adds ({@link ScenarioCheck}), after the ones every run passes: each one's first breach. */
  static List<Violation> scenarioChecks(Simulation sim, List<NodeId> clients, ScenarioModel model) {
    List<Violation> found = new ArrayList<>();
    if (model.has(ScenarioCheck.ACCOUNTING)) {
      accounting(sim, clients).ifPresent(found::add);
    }
    if (model.has(ScenarioCheck.BOUNDED_STALENESS)) {
      boundedStaleness(sim, clients).ifPresent(found::add);
    }
    return found;
  }

  /** Every observation sent was answered: accepted or finally rejected. */
  private static Optional<Violation> accounting(Simulation sim, List<NodeId> clients) {
    for (NodeId client : clients) {
      ClientView view = sim.node(client, StreamingClient.class).view();
      if (view.acceptedCount() + view.finallyRejectedCount() != view.observationsTotal()) {
        return Optional.of(Violation.of(Violation.Kind.SILENT_DROP, sim.nowNanos(), client.name() + " sent "
            + view.observationsTotal() + " observations, but " + view.acceptedCount() + " were accepted and "
            + view.finallyRejectedCount() + " rejected"));
      }
    }
    return Optional.empty();
  }

  /** Every accepted observation was reported visible (INDEXED) within the staleness bound. */
  private static Optional<Violation> boundedStaleness(Simulation sim, List<NodeId> clients) {
    for (NodeId client : clients) {
      for (ObservationRecord record : sim.node(client, StreamingClient.class).view().observations()) {
        if (record.acceptedAtNanos().isPresent() && record.indexedAtNanos().isEmpty()) {
          return Optional.of(new Violation(Violation.Kind.CONSISTENCY_TIMEOUT, record.episodeId()
              + " was accepted but never reported visible (INDEXED): beyond the " + STALENESS_NANOS / 1_000_000
              + " ms staleness bound", sim.nowNanos(), List.of(record.episodeId())));
        }
        if (record.acceptedAtNanos().isPresent() && record.indexedAtNanos().isPresent()
            && record.indexedAtNanos().getAsLong() - record.acceptedAtNanos().getAsLong() > STALENESS_NANOS) {
          long stale = record.indexedAtNanos().getAsLong() - record.acceptedAtNanos().getAsLong();
          return Optional.of(new Violation(Violation.Kind.CONSISTENCY_TIMEOUT, record.episodeId()
              + " became visible " + stale / 1_000 / 1_000.0 + " ms after it was accepted, beyond the "
              + STALENESS_NANOS / 1_000_000 + " ms staleness bound", record.indexedAtNanos().getAsLong(),
              List.of(record.episodeId())));
        }
      }
    }
    return Optional.empty();
  }

  /**
   * Every space's graph sound; {@code sinceLastCheck} walks only what changed since the space's last
   * check (the same violations: {@link GraphIntegrityValidator#checkSinceLastCheck}), which keeps the
   * safety phase's checkpoints linear in the run; the end check walks every graph in full.
   */
  static Optional<Violation> integrity(EngineServer server, long nowNanos, boolean sinceLastCheck) {
    for (SpaceId space : server.spaces()) {
      Optional<Violation> broken = sinceLastCheck
          ? GraphIntegrityValidator.checkSinceLastCheck(space.value(), server.index(space), nowNanos)
          : GraphIntegrityValidator.check(space.value(), server.index(space), nowNanos);
      if (broken.isPresent()) {
        return broken;
      }
    }
    return Optional.empty();
  }

  /**
   * A snapshot recall returns only observations visible at its generation, of its own space. Each
   * space's generations are looked up from one map built once, so the check is linear in the results
   * recalled (a map per recall made long runs quadratic: 39 % of combined_sustained's time).
   */
  private Optional<Violation> noPhantoms(Map<SpaceId, List<EngineServer.Held>> held) {
    Map<String, Map<String, Long>> generationsBySpace = new HashMap<>();
    held.forEach((space, list) -> {
      Map<String, Long> generations = new HashMap<>(2 * list.size());
      list.forEach(h -> generations.put(h.memoryId(), h.generation()));
      generationsBySpace.put(space.value(), generations);
    });
    for (NodeId client : clients) {
      for (RecallRecord recall : view(client).recalls()) {
        Map<String, Long> generations = generationsBySpace.getOrDefault(recall.space(), Map.of());
        for (RecallRecord.Page page : recall.pages()) {
          for (String id : page.memoryIds()) {
            Long generation = generations.get(id);
            if (generation == null && corruptionCutAtNanos >= 0) {
              continue; // recalled, then lost to a detected disk fault (noAcknowledgedLoss forgives the same)
            }
            if (generation == null || (recall.snapshot() && generation > page.snapshotGeneration())) {
              return Optional.of(Violation.of(Violation.Kind.PHANTOM_RESULT, page.receivedAtNanos(), "recall "
                  + recall.requestId() + " in " + recall.space() + " at generation " + page.snapshotGeneration()
                  + " returned " + id + (generation == null ? ", which the space does not hold"
                  : ", indexed later at generation " + generation)));
            }
          }
        }
      }
    }
    return Optional.empty();
  }

  /**
   * A recall answered in full returned {@code min(k, g)} results, where {@code g} is the generation
   * its pages report: a space's generations are 1, 2, 3... in insert order, so exactly {@code g}
   * observations qualify at generation {@code g}, and the search returns {@code k} of them whenever
   * that many are reachable (docs/engine.md guarantee 6). Without this a page that loses results, or
   * a search that stops early, passes every other check: nothing it returns is wrong, only missing.
   * Answers cut short (a page lost, the worker died) and refusals are not judged.
   */
  private Optional<Violation> recallsComplete() {
    for (NodeId client : clients) {
      for (RecallRecord recall : view(client).recalls()) {
        if (!recall.isComplete()) {
          continue;
        }
        List<RecallRecord.Page> pages = recall.pages();
        long results = 0;
        boolean refused = false;
        for (RecallRecord.Page page : pages) {
          results += page.hits().size();
          refused |= page.reason() != null;
        }
        long generation = pages.get(0).snapshotGeneration();
        long expected = Math.min(recall.maxResults(), generation);
        if (!refused && results < expected) {
          RecallRecord.Page last = pages.get(pages.size() - 1);
          return Optional.of(Violation.of(Violation.Kind.RECALL_INCOMPLETE, last.receivedAtNanos(), "recall "
              + recall.requestId() + " in " + recall.space() + " at generation " + generation + " asked for "
              + recall.maxResults() + " and returned " + results + " of the " + expected + " its generation holds"));
        }
      }
    }
    return Optional.empty();
  }

  private List<ClientView> views() {
    List<ClientView> views = new ArrayList<>(clients.size());
    for (NodeId client : clients) {
      views.add(view(client));
    }
    return views;
  }

  private ClientView view(NodeId client) {
    return sim.node(client, StreamingClient.class).view();
  }
}
