package io.detsim.engine.server;

import io.detsim.engine.planted.EngineMutant;
import io.detsim.engine.protocol.Priority;
import io.detsim.engine.protocol.SpaceId;
import io.detsim.engine.queue.Admission;
import io.detsim.engine.queue.Batch;
import io.detsim.engine.queue.ObservationQueue;
import io.detsim.engine.queue.PressureState;
import io.detsim.engine.queue.Queued;
import io.detsim.sim.port.Check;
import io.detsim.sim.port.NodeContext;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * From the admission queue to the workers: which space's observations go next, to which worker, in
 * what batches; what is out and must be re-delivered if its worker dies.
 *
 * <p>A space belongs to one worker, chosen by a stable hash of its name (not an identity hash code,
 * which changes per run). A space has at most one batch out at a time, so its observations are
 * indexed in admission order by one writer. Work stealing moves a whole space: when the owner is
 * busy with other spaces' batches and another worker has nothing to do, the space changes hands
 * between two of its batches, never in the middle of one (mutant
 * {@link EngineMutant#STEAL_SINGLE_ITEMS} takes single items instead, and breaks the order).
 * Batch sizes adapt to the backlog ({@code BatchSizer}: 10, 100, 500).
 */
final class Dispatcher {
  /** What the dispatcher tells the server. */
  interface Listener {
    /** Called while {@code line}'s batch is back and its next one not yet out: its index is the server's. */
    void indexed(SpaceLine line, StoredObservation observation);

    void pressureChanged(PressureState state);
  }

  /** A batch that is out: for re-delivery when its worker dies. */
  record Outstanding(int worker, WorkerMessages.IndexBatch batch, SpaceLine line) {}

  private final EngineOptions options;
  private final boolean stealsSingleItems;
  private final boolean heldCountLeaks;
  private final boolean pressureDropUnannounced;
  private final NodeContext context;
  private final WorkerPool workers;
  private final Listener listener;
  private final io.detsim.engine.metrics.EngineMetrics metrics;
  private final long[] busyNanos;
  private final ObservationQueue<StoredObservation> queue;
  private final TreeMap<SpaceId, SpaceLine> lines = new TreeMap<>();
  private final Map<Long, Outstanding> outstanding = new LinkedHashMap<>();
  private long nextBatchId = 1;
  private int staged;
  /** Observations in the batches that are out: held by the engine as much as the staged ones. */
  private int inFlight;
  private long stolen;

  Dispatcher(EngineOptions options, Set<EngineMutant> planted, NodeContext context, WorkerPool workers,
      Listener listener, io.detsim.engine.metrics.EngineMetrics metrics) {
    this.metrics = metrics;
    this.busyNanos = new long[options.workers()];
    this.options = options;
    this.context = context;
    this.workers = workers;
    this.listener = listener;
    this.stealsSingleItems = planted.contains(EngineMutant.STEAL_SINGLE_ITEMS);
    this.heldCountLeaks = planted.contains(EngineMutant.HELD_COUNT_LEAKS);
    this.pressureDropUnannounced = planted.contains(EngineMutant.PRESSURE_DROP_UNANNOUNCED);
    this.queue = new ObservationQueue<>(options.queue(), planted);
  }

  ObservationQueue<StoredObservation> queue() {
    return queue;
  }

  /** The space's line, created (with its index) on first use. */
  SpaceLine line(SpaceId space, java.util.function.Function<SpaceId, SpaceIndex> newIndex) {
    return lines.computeIfAbsent(space, s -> new SpaceLine(newIndex.apply(s), homeWorker(s)));
  }

  SpaceLine existingLine(SpaceId space) {
    return lines.get(space);
  }

  Iterable<SpaceLine> lines() {
    return lines.values();
  }

  /** Offers an admitted-to-be observation to the queue; on admission it joins its space's order. */
  Admission offer(StoredObservation observation, SpaceLine line, long nowNanos) {
    Priority lane = observation.priority();
    int depth = queue.depth();
    int laneDepth = queue.depth(lane);
    Admission admission = queue.offer(observation, lane, nowNanos);
    AdmissionRule.check(admission, lane, depth, queue.capacity(), laneDepth, queue.capacity(lane));
    if (admission.isAdmitted()) {
      line.admitted.addLast(observation.lsn());
      recordDepths();
    }
    if (admission.stateChanged()) {
      listener.pressureChanged(admission.state());
    }
    return admission;
  }

  /** Moves work from the queue to idle workers. Called after anything that may free or add work. */
  void dispatch(long nowNanos) {
    pull(nowNanos);
    for (SpaceLine line : lines.values()) {
      if (line.hasDispatchableHead() && (line.batchesOut == 0)) {
        sendBatch(line, chooseWorker(line));
      } else if (line.hasDispatchableHead() && stealsSingleItems) {
        int idle = workers.idleWorker(this::batchesOutAt);
        if (idle >= 0 && idle != line.owner) {
          stolen++;
          context.point("steal");
          metrics.workStolen(idle);
          sendItems(line, idle, 1);
        }
      }
    }
  }

  /** A worker finished a batch. Returns false for a batch already done (a re-delivery's second answer). */
  boolean done(WorkerMessages.BatchDone done, long nowNanos) {
    Outstanding out = outstanding.remove(done.batchId());
    if (out == null) {
      return false;
    }
    out.line().batchesOut--;
    if (!heldCountLeaks) {
      inFlight -= out.batch().items().size();
    }
    metrics.batchProcessed(done.worker());
    metrics.batchSize(done.worker(), out.batch().items().size());
    busyNanos[done.worker()] += done.busyNanos();
    out.line().visibleGeneration = Math.max(out.line().visibleGeneration, done.generation());
    context.point("worker-completion");
    for (StoredObservation item : out.batch().items()) {
      listener.indexed(out.line(), item);
    }
    dispatch(nowNanos);
    return true;
  }

  /** Re-delivers every batch that was out at {@code worker}, which has just been restarted. */
  void redeliver(int worker) {
    for (Outstanding out : outstanding.values()) {
      if (out.worker() == worker) {
        metrics.batchFailed(worker, "worker_died");
        context.send(workers.id(worker), out.batch());
      }
    }
  }

  int batchesOutAt(int worker) {
    int count = 0;
    for (Outstanding out : outstanding.values()) {
      if (out.worker() == worker) {
        count++;
      }
    }
    return count;
  }

  long stolen() {
    return stolen;
  }

  int outstandingBatches() {
    return outstanding.size();
  }

  /** Observations admitted and not yet indexed: queued, staged for a worker, or in a batch that is out. */
  int held() {
    return queue.depth() + staged + inFlight;
  }

  /**
   * The most {@link #held} may ever be (docs/engine.md guarantee 8): the queue's capacity, the
   * staging window of every worker's largest batch, and one batch more staged to break a standstill.
   */
  int heldBound() {
    int largest = options.batchSizer().largest();
    return queue.capacity() + options.workers() * largest + largest;
  }

  private void pull(long nowNanos) {
    // Stage only what the workers can take next: a backlog must stay in the queue, where admission
    // control sees it. (Staging up to 2 x 500 per worker hid bursts from backpressure entirely.)
    int window = options.workers() * options.batchSizer().batchSize(queue.depth());
    // Past the window only to break a standstill: nothing out, and nothing staged can go (the next
    // observation of every staged space is still in a slower lane).
    while (queue.depth() > 0 && (staged < window || (outstanding.isEmpty() && !anyDispatchable()))) {
      Batch<StoredObservation> batch = queue.poll(options.batchSizer().batchSize(queue.depth()), nowNanos);
      for (Queued<StoredObservation> queued : batch.items()) {
        StoredObservation item = queued.item();
        metrics.queueWaitTimeSince(queued.priority(), queued.enqueuedAtNanos());
        lines.get(item.episode().spaceId()).staged.put(item.lsn(), item);
        staged++;
      }
      if (batch.stateChanged() && !(pressureDropUnannounced && batch.state() == PressureState.NORMAL)) {
        listener.pressureChanged(batch.state());
      }
      if (batch.isEmpty()) {
        break;
      }
    }
    recordDepths();
  }

  /** Queue depth by lane, and an estimate of the memory the queued observations hold. */
  void recordDepths() {
    for (Priority lane : Priority.values()) {
      metrics.queueDepth(lane, queue.depth(lane));
    }
    metrics.queueMemoryBytes((long) (queue.depth() + staged) * (64L + 4L * options.dimension()));
  }

  /** Records each worker's share of busy time since the last call, then starts a new window. */
  void recordUtilization(long windowNanos) {
    for (int worker = 0; worker < busyNanos.length; worker++) {
      metrics.workerUtilization(worker, busyNanos[worker], windowNanos);
      busyNanos[worker] = 0;
    }
  }

  private boolean anyDispatchable() {
    for (SpaceLine line : lines.values()) {
      if (line.hasDispatchableHead() && line.batchesOut == 0) {
        return true;
      }
    }
    return false;
  }

  private int chooseWorker(SpaceLine line) {
    if (!workers.isAlive(line.owner)) {
      line.owner = workers.leastLoaded(this::batchesOutAt);
      line.recallsOut = 0; // they died with their worker: no answer will come
    } else if (batchesOutAt(line.owner) > 0 && line.recallsOut == 0) {
      int idle = workers.idleWorker(this::batchesOutAt);
      if (idle >= 0) {
        line.owner = idle; // steal the whole space: none of its batches is out
        stolen++;
        context.point("steal");
        metrics.workStolen(idle);
      }
    }
    return line.owner;
  }

  private void sendBatch(SpaceLine line, int worker) {
    int size = options.batchSizer().batchSize(queue.depth() + staged);
    if (context.buggify(EngineSite.SHORT_BATCH)) {
      size = 1;
    }
    sendItems(line, worker, size);
  }

  private void sendItems(SpaceLine line, int worker, int maxItems) {
    List<StoredObservation> items = new ArrayList<>();
    while (items.size() < maxItems && line.hasDispatchableHead()) {
      StoredObservation item = line.staged.remove(line.admitted.pollFirst());
      Check.that(item != null, "a dispatchable head must be staged");
      items.add(item);
      staged--;
    }
    WorkerMessages.IndexBatch batch = new WorkerMessages.IndexBatch(nextBatchId++, line.handedToWorker(), items);
    outstanding.put(batch.batchId(), new Outstanding(worker, batch, line));
    inFlight += items.size();
    line.batchesOut++;
    context.send(workers.id(worker), batch);
  }

  /** Space to worker by a stable hash of the name, modulo the worker count. */
  private int homeWorker(SpaceId space) {
    return (int) Long.remainderUnsigned(StableHash.of(space.value()), options.workers());
  }

  /** The priority lane's depth, for metrics. */
  int depth(Priority lane) {
    return queue.depth(lane);
  }
}
