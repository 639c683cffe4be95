package io.detsim.engine.server;

import io.detsim.engine.index.Neighbour;
import io.detsim.engine.planted.EngineMutant;
import io.detsim.engine.protocol.RecallBatch;
import io.detsim.engine.protocol.RecallHit;
import io.detsim.sim.port.Node;
import io.detsim.sim.port.NodeContext;
import io.detsim.sim.port.NodeId;
import java.util.ArrayList;
import java.util.List;

/**
 * A worker actor: indexes batches of the spaces it owns and answers recalls on them. Its work costs
 * virtual CPU time (see {@link EngineOptions}); a batch's observations become visible when that time
 * is over, and only then is the batch acknowledged, so a worker that dies mid-batch leaves nothing
 * half-done that its acknowledgement would claim (the server re-delivers, and insertion is
 * idempotent by id). Mutant {@link EngineMutant#ACK_BEFORE_APPLY} reverses that order by one step.
 */
final class Worker implements Node {
  static final int RECALL_BATCH_SIZE = 10;

  /** How long {@link EngineSite#LATE_RECALL} holds a recall back. */
  private static final long LATE_RECALL_MIN_NANOS = 5_000_000L;
  private static final long LATE_RECALL_MAX_NANOS = 100_000_000L;

  private final NodeContext context;
  private final NodeId server;
  private final int workerId;
  private final EngineOptions options;
  private final boolean ackBeforeApply;
  private final boolean recallPageDropsLast;

  Worker(NodeContext context, NodeId server, int workerId, EngineOptions options) {
    this.context = context;
    this.server = server;
    this.workerId = workerId;
    this.options = options;
    this.ackBeforeApply = context.planted(EngineMutant.ACK_BEFORE_APPLY);
    this.recallPageDropsLast = context.planted(EngineMutant.RECALL_PAGE_DROPS_LAST);
  }

  @Override
  public void onMessage(NodeId source, Object message) {
    if (message instanceof WorkerMessages.IndexBatch) {
      index((WorkerMessages.IndexBatch) message);
    } else if (message instanceof WorkerMessages.Heartbeat) {
      context.send(server, new WorkerMessages.HeartbeatReply(((WorkerMessages.Heartbeat) message).round(), workerId));
    } else if (message instanceof WorkerMessages.RecallQuery) {
      recall((WorkerMessages.RecallQuery) message);
    }
  }

  private void index(WorkerMessages.IndexBatch batch) {
    long costNanos = options.batchCostNanos() + options.itemCostNanos() * batch.items().size();
    context.consumeCpu(costNanos);
    context.setTimer(untilNextTick(costNanos), () -> {
      if (ackBeforeApply) {
        context.send(server, new WorkerMessages.BatchDone(batch.batchId(), workerId, batch.space().generation()
            + batch.items().size(), costNanos));
        context.setTimer(0, () -> apply(batch));
        return;
      }
      apply(batch);
      context.send(server, new WorkerMessages.BatchDone(batch.batchId(), workerId, batch.space().generation(),
          costNanos));
    });
  }

  static void apply(WorkerMessages.IndexBatch batch) {
    for (StoredObservation item : batch.items()) {
      batch.space().insert(item.lsn(), item.episode().id(), item.episode().sharedEmbedding());
    }
  }

  private void recall(WorkerMessages.RecallQuery query) {
    if (context.buggify(EngineSite.LATE_RECALL)) {
      long delay = context.random("late-recall").nextLong(LATE_RECALL_MIN_NANOS, LATE_RECALL_MAX_NANOS);
      context.setTimer(delay, () -> answer(query));
      return;
    }
    answer(query);
  }

  private void answer(WorkerMessages.RecallQuery query) {
    context.consumeCpu(options.recallCostNanos());
    List<Neighbour> found = query.space().index().search(
        query.recall().cue(), query.recall().maxResults(), options.hnsw().efSearch(), query.maxGeneration());
    List<RecallHit> hits = new ArrayList<>(found.size());
    for (Neighbour neighbour : found) {
      hits.add(new RecallHit(query.space().memoryIdOf(neighbour.id()), query.space().space(), 1f - neighbour.distance()));
    }
    long generation = query.maxGeneration() == Long.MAX_VALUE ? query.space().generation() : query.maxGeneration();
    int batches = Math.max(1, (hits.size() + RECALL_BATCH_SIZE - 1) / RECALL_BATCH_SIZE);
    for (int i = 0; i < batches; i++) {
      int end = (i + 1) * RECALL_BATCH_SIZE - (recallPageDropsLast ? 1 : 0);
      List<RecallHit> part = hits.subList(i * RECALL_BATCH_SIZE, Math.min(hits.size(), end));
      context.send(query.client(), new RecallBatch(query.recall().requestId(), i, new ArrayList<>(part),
          i < batches - 1, generation, null));
    }
    context.send(server, new WorkerMessages.RecallDone(query.recall().requestId(), query.receivedAtNanos(),
        query.space().space()));
  }

  /** Work finishes on a tick boundary: a worker loop polls its inbox once a tick. */
  private long untilNextTick(long costNanos) {
    long now = context.clock().nowNanos();
    long tick = options.tickNanos();
    long done = now + costNanos;
    long aligned = Math.floorDiv(done + tick - 1, tick) * tick;
    return aligned - now;
  }
}
