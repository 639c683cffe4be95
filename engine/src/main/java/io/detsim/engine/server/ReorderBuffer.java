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
 * anything else is refused as a gap, as before. When a hole outlives the hold time, the server
 * answers it once ({@link #holesToAnswer}): it refuses the session's lowest held observation as a
 * gap, so the client resends from the expected number, and keeps the rest, as a TCP receiver keeps
 * out-of-order segments while it asks for the missing one. Refusing the whole held window instead
 * made a client that lost one retransmission resend up to a thousand observations into a network
 * that lost 1 % of them, and never catch up ({@code ReorderHoleRegressionTest}). Only what waits
 * {@link #GIVE_UP_FACTOR} hold times is refused outright ({@link #expire}): nothing is held silently
 * forever. The buffer is volatile: a crash loses it, and the clients' retries refill it.
 *
 * <p>Age is counted in the server's sweep rounds, which run on true time, never by its clock: a
 * clock stepped backwards or forwards (NTP, or the simulation's skew faults) made every held
 * observation look expired at once and refused whole windows at every step.
 */
final class ReorderBuffer {
  static final int CAPACITY_MAX = 1_024;
  static final int CAPACITY_DEFAULT = 64;
  /**
   * Hold times an observation may wait before it is refused outright, its hole answered meanwhile
   * once a hold time. Chosen, not tuned: four answers, each asking for a resend that 1 % loss
   * misses once in a hundred, leave the client every chance to fill the hole before it loses the
   * window it sent after it. sustained_10min --seed 0x1 passes with it.
   */
  static final long GIVE_UP_FACTOR = 5;

  /** A held observation, with who sent it and when it arrived. */
  record Held(NodeId source, Observation observation, long heldAtRound) {}

  private final Map<SessionId, Integer> capacities = new LinkedHashMap<>();
  private final Map<SessionId, TreeMap<Long, Held>> held = new LinkedHashMap<>();
  /** The sweep round each session's hole was last answered in: once a hold time, not every sweep. */
  private final Map<SessionId, Long> answeredAtRound = new LinkedHashMap<>();

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

  /**
   * For each session whose oldest held observation has waited more than {@code holdRounds} sweep
   * rounds, and whose hole was not answered in the last {@code holdRounds}: its lowest held
   * observation, to be refused as a gap while every held one stays held.
   */
  List<Held> holesToAnswer(long round, long holdRounds) {
    List<Held> answers = new ArrayList<>();
    for (Map.Entry<SessionId, TreeMap<Long, Held>> entry : held.entrySet()) {
      TreeMap<Long, Held> waiting = entry.getValue();
      if (waiting.isEmpty()) {
        answeredAtRound.remove(entry.getKey());
        continue;
      }
      Long answered = answeredAtRound.get(entry.getKey());
      if (round - oldestRound(waiting) > holdRounds && (answered == null || round - answered > holdRounds)) {
        answeredAtRound.put(entry.getKey(), round);
        answers.add(waiting.firstEntry().getValue());
      }
    }
    return answers;
  }

  private static long oldestRound(TreeMap<Long, Held> waiting) {
    long oldest = Long.MAX_VALUE;
    for (Held entry : waiting.values()) {
      oldest = Math.min(oldest, entry.heldAtRound());
    }
    return oldest;
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
