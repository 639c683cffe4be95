package io.detsim.engine.server;

import io.detsim.engine.log.Cut;
import io.detsim.engine.log.LogRecord;
import io.detsim.engine.log.Recovery;
import io.detsim.engine.log.WalOptions;
import io.detsim.engine.log.WriteAheadLog;
import io.detsim.engine.planted.EngineMutant;
import io.detsim.engine.protocol.SessionId;
import io.detsim.engine.session.DurableSession;
import io.detsim.engine.session.SessionSnapshot;
import io.detsim.sim.port.Disk;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Rebuilds the engine's durable state from its disk after a start or a crash: the snapshot, then
 * every log record after it, in order. Sessions come back with their last durable sequence number
 * (mutant {@link EngineMutant#SESSION_STATE_NOT_RECOVERED} forgets it), and every observation comes
 * back to be indexed again, in the order it was accepted.
 */
final class EngineRecovery {
  /** What recovery found. */
  record State(WriteAheadLog log, SessionSnapshot sessions, List<StoredObservation> observations, List<Cut> cuts) {}

  private EngineRecovery() {}

  static State run(Disk disk, Set<EngineMutant> planted, WalOptions walOptions) {
    Recovery recovery = WriteAheadLog.recover(disk, walOptions, planted, LogCodec::isKnownType);
    Map<SessionId, LogCodec.SessionEntry> sessions = new LinkedHashMap<>();
    List<StoredObservation> observations = new ArrayList<>();
    long nextSessionNumber = 1;
    if (recovery.snapshot().isPresent()) {
      LogCodec.Snapshot snapshot = LogCodec.readSnapshot(recovery.snapshot().get());
      nextSessionNumber = snapshot.nextSessionNumber();
      for (LogCodec.SessionEntry session : snapshot.sessions()) {
        sessions.put(session.id(), session);
      }
      observations.addAll(snapshot.observations());
    }
    for (LogRecord record : recovery.records()) {
      if (record.type() == LogCodec.OPEN) {
        LogCodec.SessionEntry opened = LogCodec.readOpen(record.payload());
        sessions.put(opened.id(), opened);
      } else if (record.type() == LogCodec.OBSERVATION) {
        observations.add(LogCodec.readObservation(record.lsn(), record.payload()));
      } else if (record.type() == LogCodec.CLOSE) {
        SessionId closed = LogCodec.readClose(record.payload());
        LogCodec.SessionEntry entry = sessions.get(closed);
        if (entry != null) {
          sessions.put(closed, new LogCodec.SessionEntry(closed, entry.space(), true));
        }
      }
    }
    return new State(recovery.log(), sessionSnapshot(nextSessionNumber, sessions, observations, planted),
        observations, recovery.cuts());
  }

  private static SessionSnapshot sessionSnapshot(long nextSessionNumber, Map<SessionId, LogCodec.SessionEntry> sessions,
      List<StoredObservation> observations, Set<EngineMutant> planted) {
    Map<SessionId, Long> lastSeq = new LinkedHashMap<>();
    for (StoredObservation observation : observations) {
      lastSeq.merge(observation.session(), observation.seq(), Math::max);
    }
    boolean forget = planted.contains(EngineMutant.SESSION_STATE_NOT_RECOVERED);
    List<DurableSession> durable = new ArrayList<>();
    for (LogCodec.SessionEntry session : sessions.values()) {
      long last = forget ? 0 : lastSeq.getOrDefault(session.id(), 0L);
      durable.add(new DurableSession(session.id(), session.space(), last, session.closed()));
    }
    return new SessionSnapshot(nextSessionNumber, durable);
  }
}
