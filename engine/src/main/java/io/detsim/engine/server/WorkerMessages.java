package io.detsim.engine.server;

import io.detsim.engine.protocol.SpaceId;

import io.detsim.engine.protocol.Recall;
import io.detsim.sim.port.NodeId;
import io.detsim.sim.port.Traced;
import java.util.List;

/** The messages between the server and its worker actors (inside one process, in order). */
final class WorkerMessages {
  private WorkerMessages() {}

  /** Index these observations of one space, in this order. */
  record IndexBatch(long batchId, SpaceIndex space, List<StoredObservation> items) implements Traced {
    @Override
    public String traceDetail() {
      return "batch " + batchId + " " + space.space().value() + " x" + items.size();
    }
  }

  /** A batch is indexed; {@code generation} is the space's generation after it. */
  record BatchDone(long batchId, int worker, long generation, long busyNanos) implements Traced {
    @Override
    public String traceDetail() {
      return "done " + batchId + " by worker " + worker + " at generation " + generation;
    }
  }

  /** A recall on {@code space} was answered; the server records its latency from {@code receivedAtNanos}. */
  record RecallDone(long requestId, long receivedAtNanos, SpaceId space) implements Traced {
    @Override
    public String traceDetail() {
      return "recall " + requestId + " answered";
    }
  }

  record Heartbeat(long round) implements Traced {
    @Override
    public String traceDetail() {
      return "heartbeat " + round;
    }
  }

  record HeartbeatReply(long round, int worker) implements Traced {
    @Override
    public String traceDetail() {
      return "alive " + round + " worker " + worker;
    }
  }

  /** Answer a recall on this space, up to {@code maxGeneration}, straight to the client. */
  record RecallQuery(Recall recall, NodeId client, SpaceIndex space, long maxGeneration, long receivedAtNanos)
      implements Traced {
    @Override
    public String traceDetail() {
      return "recall " + recall.requestId() + " " + space.space().value() + " at generation " + maxGeneration;
    }
  }
}
