package io.detsim.scenarios.engine;

import io.detsim.engine.client.ClientView;
import io.detsim.engine.client.ObservationRecord;
import io.detsim.engine.client.RecallRecord;
import io.detsim.engine.protocol.SpaceId;
import io.detsim.engine.server.EngineServer;
import io.detsim.scenarios.engine.validate.Violation;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * INDEXED means "visible to recall" (docs/engine.md guarantee 6): a snapshot recall that a client
 * sends after it heard INDEXED for an observation of the recall's space captures a generation that
 * includes that observation. Every other recall check judges an answer against the generation the
 * answer reports, so a server that reports too old a generation passed them all: one that came back
 * from a crash with its spaces' visible generations at 0 answered every snapshot recall with
 * nothing until its next batch, and escaped 1,000 swarm seeds.
 *
 * <p>"Before" is in the order the client heard things ({@link ObservationRecord#indexedOrdinal},
 * {@link RecallRecord#indexedHeardBefore}), not by its clock: a clock fault turns the clock back at
 * heal-all, and an INDEXED heard after a recall then carried an earlier time (swarm seed
 * 0x2a2ec7619a33c4de, a false alarm when this check compared times). Linear in the run but for a
 * sort of each client's recalls. Not judged after a detected corruption: recovery cut the log and
 * renumbered what followed, so the generations held at the end are not the ones the answers saw.
 */
final class SnapshotCoversIndexed {
  private SnapshotCoversIndexed() {}

  static Optional<Violation> check(List<ClientView> views, Map<SpaceId, List<EngineServer.Held>> held,
      boolean corruptionCut) {
    if (corruptionCut) {
      return Optional.empty();
    }
    Map<String, Long> generations = new HashMap<>();
    held.values().forEach(list -> list.forEach(h -> generations.put(h.memoryId(), h.generation())));
    for (ClientView view : views) {
      ObservationRecord[] byOrdinal = new ObservationRecord[(int) view.indexedCount() + 1];
      for (ObservationRecord record : view.observations()) {
        if (record.indexedOrdinal() > 0) {
          byOrdinal[(int) record.indexedOrdinal()] = record;
        }
      }
      List<RecallRecord> recalls = new ArrayList<>(view.recalls());
      recalls.sort(Comparator.comparingLong(RecallRecord::indexedHeardBefore));
      Map<String, ObservationRecord> newestBySpace = new HashMap<>(); // the highest generation heard so far
      int next = 1;
      for (RecallRecord recall : recalls) {
        for (; next <= recall.indexedHeardBefore(); next++) {
          ObservationRecord heard = byOrdinal[next];
          if (heard != null && generations.getOrDefault(heard.episodeId(), 0L) > 0) {
            newestBySpace.merge(heard.episode().spaceId().value(), heard,
                (a, b) -> generations.get(a.episodeId()) >= generations.get(b.episodeId()) ? a : b);
          }
        }
        ObservationRecord newest = newestBySpace.get(recall.space());
        List<RecallRecord.Page> pages = recall.pages();
        if (!recall.snapshot() || newest == null || pages.isEmpty() || pages.get(0).reason() != null) {
          continue;
        }
        long captured = pages.get(0).snapshotGeneration();
        long needed = generations.get(newest.episodeId());
        if (captured < needed) {
          return Optional.of(Violation.of(Violation.Kind.RECALL_INCOMPLETE, pages.get(0).receivedAtNanos(), "recall "
              + recall.requestId() + " in " + recall.space() + " captured generation " + captured + ", but its client "
              + "had heard INDEXED for " + newest.episodeId() + " at generation " + needed + " before sending it"));
        }
      }
    }
    return Optional.empty();
  }
}
