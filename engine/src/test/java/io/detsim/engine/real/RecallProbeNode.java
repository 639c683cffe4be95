package io.detsim.engine.real;

import io.detsim.engine.protocol.Recall;
import io.detsim.engine.protocol.RecallBatch;
import io.detsim.engine.protocol.RecallHit;
import io.detsim.sim.port.Node;
import io.detsim.sim.port.NodeContext;
import io.detsim.sim.port.NodeId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/** A test node that sends recalls to a server and collects the pages of each answer. */
final class RecallProbeNode implements Node {
  private final NodeContext context;
  private final NodeId server;
  private final Map<Long, CompletableFuture<RecallResult>> waiting = new LinkedHashMap<>();
  private final Map<Long, List<RecallHit>> hits = new LinkedHashMap<>();
  private long nextRequest = 1;

  RecallProbeNode(NodeContext context, NodeId server) {
    this.context = context;
    this.server = server;
  }

  /** Call on the node's thread (through {@code RealRuntime.call}). */
  CompletableFuture<RecallResult> recall(String space, float[] cue, int k) {
    long request = nextRequest++;
    CompletableFuture<RecallResult> result = new CompletableFuture<>();
    waiting.put(request, result);
    hits.put(request, new ArrayList<>());
    context.send(server, new Recall(request, space, null, cue, k, true));
    return result;
  }

  @Override
  public void onMessage(NodeId source, Object message) {
    if (message instanceof RecallBatch batch && waiting.containsKey(batch.requestId())) {
      hits.get(batch.requestId()).addAll(batch.results()); // pages come in order from the one worker
      if (!batch.more()) {
        waiting.remove(batch.requestId())
            .complete(new RecallResult(hits.remove(batch.requestId()), batch.snapshotGeneration(), batch.reason()));
      }
    }
  }
}
