package io.detsim.engine.server;

import io.detsim.engine.protocol.Ack;
import io.detsim.engine.protocol.AckOutcome;
import io.detsim.engine.protocol.Episode;
import io.detsim.engine.protocol.Init;
import io.detsim.engine.protocol.InitAck;
import io.detsim.engine.protocol.Observation;
import io.detsim.engine.protocol.Priority;
import io.detsim.engine.protocol.RejectReason;
import io.detsim.engine.protocol.SessionId;
import io.detsim.sim.port.Node;
import io.detsim.sim.port.NodeContext;
import io.detsim.sim.port.NodeId;
import io.detsim.sim.port.RandomSource;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The least client that drives the server through its paths: opens a session, keeps a window of
 * observations out, resends on a timeout, from the expected number on a gap, after retry-after on
 * overload. The real client library has its own tests; this one exists to test the server.
 */
final class ScriptedClient implements Node {
  private static final long MS = 1_000_000L;

  private final NodeContext context;
  private final NodeId server;
  private final String space;
  private final int total;
  private final int dimension;
  private final RandomSource random;
  final TreeMap<Long, Long> acceptedAtNanos = new TreeMap<>();
  final TreeMap<Long, Long> firstSentNanos = new TreeMap<>();
  final TreeSet<Long> indexed = new TreeSet<>();
  final TreeMap<Long, Integer> rejections = new TreeMap<>();
  private final TreeSet<Long> outstanding = new TreeSet<>();
  private final TreeMap<Long, Episode> episodes = new TreeMap<>();
  private SessionId session;
  private long next = 1;
  private long pausedUntilNanos;
  private long lastGapExpected;
  private long lastGapResendNanos;

  ScriptedClient(NodeContext context, NodeId server, String space, int total, int dimension) {
    this.context = context;
    this.server = server;
    this.space = space;
    this.total = total;
    this.dimension = dimension;
    this.random = context.random("workload");
  }

  @Override
  public void onStart() {
    sendInit();
  }

  private void sendInit() {
    if (session == null) {
      context.send(server, new Init(1, space, 64, true, 100));
      context.setTimer(100 * MS, this::sendInit);
    }
  }

  @Override
  public void onMessage(NodeId source, Object message) {
    if (message instanceof InitAck && session == null) {
      session = ((InitAck) message).session();
      fill();
      context.setTimer(30 * MS, this::retry);
    } else if (message instanceof Ack) {
      onAck((Ack) message);
    }
  }

  private void onAck(Ack ack) {
    if (ack.outcome() == AckOutcome.ACCEPTED) {
      acceptedAtNanos.putIfAbsent(ack.seq(), context.clock().nowNanos());
      outstanding.remove(ack.seq());
      fill();
    } else if (ack.outcome() == AckOutcome.INDEXED) {
      indexed.add(ack.seq());
    } else {
      rejections.merge(ack.seq(), 1, Integer::sum);
      if (ack.reason() == RejectReason.SEQUENCE_GAP) {
        resendFrom(ack.expectedSeq());
      } else if (ack.reason() == RejectReason.OVER_CAPACITY) {
        pausedUntilNanos = Math.max(pausedUntilNanos, context.clock().nowNanos() + ack.retryAfterNanos());
      }
    }
  }

  private void fill() {
    while (outstanding.size() < 32 && next <= total) {
      long seq = next++;
      outstanding.add(seq);
      send(seq);
    }
  }

  private void send(long seq) {
    Episode episode = episodes.computeIfAbsent(seq, s -> {
      float[] vector = new float[dimension];
      for (int i = 0; i < dimension; i++) {
        vector[i] = (float) random.nextGaussian();
      }
      return new Episode(context.self().name() + "-" + s, space, context.clock().nowNanos(), "obs", vector, 0.5f);
    });
    firstSentNanos.putIfAbsent(seq, context.clock().nowNanos());
    context.send(server, new Observation(session, seq, Priority.NORMAL, episode));
  }

  /** Go-back-N, once per gap: every resent observation past the gap draws its own gap reply. */
  private void resendFrom(long expected) {
    long now = context.clock().nowNanos();
    if (expected == lastGapExpected && now - lastGapResendNanos < 30 * MS) {
      return;
    }
    lastGapExpected = expected;
    lastGapResendNanos = now;
    for (Long seq : outstanding.tailSet(expected)) {
      send(seq);
    }
  }

  private void retry() {
    if (context.clock().nowNanos() >= pausedUntilNanos) {
      for (Long seq : outstanding) {
        send(seq);
      }
    }
    if (!isDone()) {
      context.setTimer(30 * MS, this::retry);
    }
  }

  boolean isDone() {
    return acceptedAtNanos.size() == total;
  }
}
