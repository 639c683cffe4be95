package io.detsim.engine.server;

import io.detsim.engine.protocol.Observation;
import io.detsim.engine.protocol.SessionId;
import io.detsim.sim.port.NodeId;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Observations that arrived ahead of a gap, held until the gap fills, as TCP holds out-of-order
 * segments. Without it, a network that merely jitters (every message its own latency) turns most
 * pipelined observations into SEQUENCE_GAP refusals and resends: a client measured 15
 * observations/s against a target of 1,000 under 0-100 ms delays.
 *
 * <p>A session may hold up to the buffer its client declared in {@code Init} (at most
 * {@link #CAPACITY_MAX}), and only observations that fit in that window past the expected number;
 * anything else is refused as a gap, as before. A held observation that waits longer than the hold
 * time is refused as a gap too, so the client resends from the expected number: nothing is held
 * silently forever. The buffer is volatile: a crash loses it, and the clients' retries refill it.
 *
 * <p>Age is counted in the server's sweep rounds, which run on true time, never by its clock: a
 * clock stepped backwards or forwards (NTP, or the simulation's skew faults) made every held
 * observation look expired at once and refused whole windows at every step.
 */
final class ReorderBuffer {
  static final int CAPACITY_MAX = 1_024;
  static final int CAPACITY_DEFAULT = 64;

  /** A held observation, with who sent it and when it arrived. */
  record Held(NodeId source, Observation observation, long heldAtRound) {}

  private final Map<SessionId, Integer> capacities = new LinkedHashMap<>();
  private final Map<SessionId, TreeMap<Long, Held>> held = new LinkedHashMap<>();

  void setCapacity(SessionId session, int clientBufferSize) {
    capacities.put(session, Math.max(0, Math.min(CAPACITY_MAX, clientBufferSize)));
  }

  /** Holds an observation ahead of {@code expectedSeq} if it fits; false when it must be refused. */
  boolean hold(NodeId source, Observation observation, long expectedSeq, long round) {
    SessionId session = observation.session();
    int capacity = capacities.getOrDefault(session, CAPACITY_DEFAULT);
    long ahead = observation.seq() - expectedSeq;
    TreeMap<Long, Held> waiting = held.computeIfAbsent(session, s -> new TreeMap<>());
    if (waiting.containsKey(observation.seq())) {
      return true; // a duplicate of one already held
    }
    if (ahead <= 0 || ahead > capacity || waiting.size() >= capacity) {
      return false;
    }
    waiting.put(observation.seq(), new Held(source, observation, round));
    return true;
  }

  /** Removes and returns the held observation numbered {@code expectedSeq}, if any; drops older ones. */
  Held takeNext(SessionId session, long expectedSeq) {
    TreeMap<Long, Held> waiting = held.get(session);
    if (waiting == null) {
      return null;
    }
    waiting.headMap(expectedSeq, false).clear(); // accepted meanwhile through a retransmission
    return waiting.remove(expectedSeq);
  }

  /** Removes and returns every observation held more than {@code holdRounds} sweep rounds. */
  List<Held> expire(long round, long holdRounds) {
    List<Held> expired = new ArrayList<>();
    for (TreeMap<Long, Held> waiting : held.values()) {
      for (Iterator<Held> it = waiting.values().iterator(); it.hasNext(); ) {
        Held entry = it.next();
        if (round - entry.heldAtRound() > holdRounds) {
          expired.add(entry);
          it.remove();
        }
      }
    }
    return expired;
  }

  int heldCount() {
    int count = 0;
    for (TreeMap<Long, Held> waiting : held.values()) {
      count += waiting.size();
    }
    return count;
  }
}
