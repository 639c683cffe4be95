package io.detsim.engine.client;

import io.detsim.engine.protocol.Recall;
import io.detsim.engine.protocol.RecallBatch;
import io.detsim.engine.protocol.SessionId;
import io.detsim.sim.port.NodeContext;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * The client's optional recall probe: a Recall with a random cue every interval, its answers kept
 * in the view. Fire and forget: a lost recall or page is not retried, it just shows up in the view
 * as an incomplete answer (a probe measures, it does not need every answer).
 */
final class RecallProber {
  private final NodeContext context;
  private final ClientOptions options;
  private final ClientView view;
  private final EpisodeSource cues;
  private final LongSupplier requestIds;
  private final Supplier<SessionId> session;
  private long timer = Timers.NONE;

  /**
   * @param requestIds the client's request id counter, shared with Init so that no id is given twice
   * @param session the open session to name in a recall, or null
   */
  RecallProber(NodeContext context, ClientOptions options, ClientView view, EpisodeSource cues,
      LongSupplier requestIds, Supplier<SessionId> session) {
    this.context = context;
    this.options = options;
    this.view = view;
    this.cues = cues;
    this.requestIds = requestIds;
    this.session = session;
  }

  void start() {
    if (options.recallProbe().isEnabled()) {
      timer = context.setTimer(options.recallProbe().intervalNanos(), this::probe);
    }
  }

  void stop() {
    if (timer != Timers.NONE) {
      context.cancelTimer(timer);
      timer = Timers.NONE;
    }
  }

  void onRecallBatch(RecallBatch batch) {
    RecallRecord recall = view.recall(batch.requestId());
    if (recall == null) {
      view.addAnomaly("recall batch for request " + batch.requestId() + ", never sent");
      return;
    }
    recall.addPage(new RecallRecord.Page(batch.batchIndex(), context.clock().nowNanos(), batch.results(),
        batch.more(), batch.snapshotGeneration(), batch.reason()));
  }

  private void probe() {
    RecallProbe settings = options.recallProbe();
    long requestId = requestIds.getAsLong();
    float[] cue = cues.unitVector();
    SessionId named = session.get();
    view.addRecall(new RecallRecord(requestId, options.space(), named, cue, settings.maxResults(),
        settings.snapshot(), context.clock().nowNanos(), view.indexedCount()));
    context.send(options.server(),
        new Recall(requestId, options.space(), named, cue, settings.maxResults(), settings.snapshot()));
    timer = context.setTimer(settings.intervalNanos(), this::probe);
  }
}
