package io.detsim.engine.server;

import io.detsim.sim.port.NodeContext;
import io.detsim.sim.port.NodeFactory;
import io.detsim.sim.port.NodeId;
import io.detsim.sim.port.RandomSource;
import java.util.function.IntConsumer;
import java.util.function.IntFunction;
import java.util.function.IntUnaryOperator;

/**
 * The workers and their supervisor. The supervisor learns a worker is dead the way it would in
 * production: it stops answering heartbeats. It then restarts the worker, and the dispatcher
 * re-delivers the batches that were out at it. Until the timeout, the supervisor believes the
 * worker alive, and work sent to it is lost with it, to be re-delivered after the restart.
 */
final class WorkerPool {
  private final EngineOptions options;
  private final NodeContext context;
  private final IntFunction<NodeFactory> factories;
  private final NodeId[] ids;
  private final long[] lastReplyRound;
  private final boolean[] believedAlive;
  private final RandomSource random;
  private IntConsumer onRestart = worker -> { };
  private Runnable onRound = () -> { };
  private long round;
  private long restarts;

  WorkerPool(EngineOptions options, NodeContext context, IntFunction<NodeFactory> factories) {
    this.options = options;
    this.context = context;
    this.factories = factories;
    this.ids = new NodeId[options.workers()];
    this.lastReplyRound = new long[options.workers()];
    this.believedAlive = new boolean[options.workers()];
    this.random = context.random("supervisor");
  }

  void onRestart(IntConsumer callback) {
    this.onRestart = callback;
  }

  /** Runs once per heartbeat round, before the heartbeats go out. */
  void onRound(Runnable callback) {
    this.onRound = callback;
  }

  void startAll() {
    for (int worker = 0; worker < ids.length; worker++) {
      ids[worker] = context.spawn("worker-" + worker, factories.apply(worker));
      believedAlive[worker] = true;
      lastReplyRound[worker] = round;
    }
    context.setTimer(options.heartbeatNanos(), this::heartbeat);
  }

  NodeId id(int worker) {
    return ids[worker];
  }

  int size() {
    return ids.length;
  }

  boolean isAlive(int worker) {
    return believedAlive[worker];
  }

  long restarts() {
    return restarts;
  }

  /** The first worker believed alive with nothing out, or -1. */
  int idleWorker(IntUnaryOperator batchesOut) {
    for (int worker = 0; worker < ids.length; worker++) {
      if (believedAlive[worker] && batchesOut.applyAsInt(worker) == 0) {
        return worker;
      }
    }
    return -1;
  }

  /** The worker believed alive with the fewest batches out (the first, on a tie). */
  int leastLoaded(IntUnaryOperator batchesOut) {
    int best = 0;
    int bestLoad = Integer.MAX_VALUE;
    for (int worker = 0; worker < ids.length; worker++) {
      int load = batchesOut.applyAsInt(worker);
      if (believedAlive[worker] && load < bestLoad) {
        best = worker;
        bestLoad = load;
      }
    }
    return best;
  }

  void onReply(WorkerMessages.HeartbeatReply reply) {
    lastReplyRound[reply.worker()] = Math.max(lastReplyRound[reply.worker()], reply.round());
  }

  private void heartbeat() {
    round++;
    onRound.run();
    long silentRoundsAllowed = options.heartbeatTimeoutNanos() / options.heartbeatNanos();
    for (int worker = 0; worker < ids.length; worker++) {
      long silent = round - 1 - lastReplyRound[worker];
      boolean timedOut = silent >= silentRoundsAllowed
          || (silent >= 1 && context.buggify(EngineSite.EARLY_TIMEOUT));
      if (timedOut) {
        restart(worker);
      }
    }
    if (context.buggify(EngineSite.SPURIOUS_WORKER_DEATH)) {
      context.kill(ids[random.nextInt(ids.length)]);
    }
    for (int worker = 0; worker < ids.length; worker++) {
      context.send(ids[worker], new WorkerMessages.Heartbeat(round));
    }
    context.setTimer(options.heartbeatNanos(), this::heartbeat);
  }

  private void restart(int worker) {
    if (context.isAlive(ids[worker])) {
      context.kill(ids[worker]); // timed out but still running: a real supervisor would interrupt it
    }
    restarts++;
    context.trace("worker-restart", "worker " + worker);
    context.point("supervisor-restart");
    context.spawn("worker-" + worker, factories.apply(worker));
    believedAlive[worker] = true;
    lastReplyRound[worker] = round;
    onRestart.accept(worker);
  }
}
