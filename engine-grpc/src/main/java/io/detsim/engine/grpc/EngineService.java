package io.detsim.engine.grpc;

import io.detsim.engine.grpc.wire.ClientFrame;
import io.detsim.engine.grpc.wire.EngineGrpc;
import io.detsim.engine.grpc.wire.RecallHit;
import io.detsim.engine.grpc.wire.RecallPage;
import io.detsim.engine.grpc.wire.RecallRequest;
import io.detsim.engine.grpc.wire.ServerFrame;
import io.detsim.engine.grpc.wire.StatusReply;
import io.detsim.engine.grpc.wire.StatusRequest;
import io.detsim.engine.protocol.Recall;
import io.detsim.engine.protocol.RejectReason;
import io.detsim.engine.protocol.SpaceId;
import io.detsim.engine.real.EmbeddedEngine;
import io.detsim.engine.real.EngineHealth;
import io.detsim.engine.real.EngineState;
import io.detsim.engine.real.RecallResult;
import io.detsim.engine.server.EngineServer;
import io.grpc.Status;
import io.grpc.stub.StreamObserver;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The engine's gRPC service: sessions ({@link WireSession}), recall in pages, and status. It only
 * translates; every decision is the {@link EmbeddedEngine}'s.
 */
final class EngineService extends EngineGrpc.EngineImplBase {
  /** A session's window when the client asks for none or for more. */
  static final int WINDOW_MAX = 1_024;
  private static final int PAGE_SIZE_DEFAULT = 100;
  /**
   * The engine refuses a recall beyond {@link EmbeddedEngine#PENDING_RECALLS_MAX} pending without a
   * retry-after of its own; a recall takes milliseconds, so 100 ms (the time the engine keeps a refused
   * lane closed) is ample.
   */
  private static final long RECALL_RETRY_AFTER_NANOS = 100_000_000L;

  private final EmbeddedEngine engine;
  private final String sessionPrefix;
  private final AtomicLong nextSession = new AtomicLong();
  private final int maxMessageBytes;

  EngineService(EmbeddedEngine engine, int maxMessageBytes) {
    this.engine = engine;
    this.maxMessageBytes = maxMessageBytes;
    // Session ids must not repeat those of an earlier run on the same folder: the wall clock tells runs apart.
    this.sessionPrefix = "g" + Long.toHexString(System.currentTimeMillis()) + "-";
  }

  @Override
  public StreamObserver<ClientFrame> session(StreamObserver<ServerFrame> responses) {
    return new WireSession(engine, responses, sessionPrefix + nextSession.incrementAndGet(), WINDOW_MAX,
        maxMessageBytes);
  }

  @Override
  public void recall(RecallRequest request, StreamObserver<RecallPage> responses) {
    float[] cue = new float[request.getCueCount()];
    for (int i = 0; i < cue.length; i++) {
      cue[i] = request.getCue(i);
    }
    // The engine's own checks of a recall: the space's name, k, and the cue.
    Optional<String> bad = new Recall(0, request.getSpace(), null, cue, (int) Math.min(request.getK(), Integer.MAX_VALUE),
        false).validate(engine.config().dimension());
    if (bad.isPresent()) {
      responses.onError(Status.INVALID_ARGUMENT.withDescription("recall: " + bad.get()).asRuntimeException());
      return;
    }
    if (engine.state() != EngineState.RUNNING) {
      responses.onError(Status.UNAVAILABLE.withDescription("the engine is " + engine.state()).asRuntimeException());
      return;
    }
    SpaceId space = SpaceId.of(request.getSpace());
    if (!engine.inspect(EngineServer::spaces).contains(space)) {
      responses.onError(Status.NOT_FOUND.withDescription("recall: no memory space '" + request.getSpace()
          + "': nothing was ever accepted in it").asRuntimeException());
      return;
    }
    int pageSize = request.getPageSize() == 0 ? PAGE_SIZE_DEFAULT : request.getPageSize();
    engine.recall(request.getSpace(), cue, request.getK()).whenComplete((result, failure) -> {
      if (failure != null) {
        responses.onError(Status.UNAVAILABLE.withDescription("recall: " + failure.getMessage()).asRuntimeException());
      } else if (result.refusal() == RejectReason.OVER_CAPACITY) {
        responses.onError(Status.RESOURCE_EXHAUSTED.withDescription("recall: too many recalls pending")
            .asRuntimeException(Refusals.retryAfter(RECALL_RETRY_AFTER_NANOS)));
      } else if (result.refusal() != null) {
        responses.onError(Status.fromCode(Refusals.codeOf(result.refusal()))
            .withDescription("recall refused by the engine: " + result.refusal()).asRuntimeException());
      } else {
        sendPages(result, pageSize, responses);
      }
    });
  }

  private static void sendPages(RecallResult result, int pageSize, StreamObserver<RecallPage> responses) {
    List<io.detsim.engine.protocol.RecallHit> hits = result.hits();
    int pages = Math.max(1, (hits.size() + pageSize - 1) / pageSize);
    for (int page = 0; page < pages; page++) {
      RecallPage.Builder builder = RecallPage.newBuilder().setPageIndex(page).setMore(page + 1 < pages)
          .setSnapshotGeneration(result.snapshotGeneration());
      for (int i = page * pageSize; i < Math.min(hits.size(), (page + 1) * pageSize); i++) {
        builder.addHits(RecallHit.newBuilder().setMemoryId(hits.get(i).memoryId())
            .setSimilarity(hits.get(i).similarity()));
      }
      responses.onNext(builder.build());
    }
    responses.onCompleted();
  }

  @Override
  public void status(StatusRequest request, StreamObserver<StatusReply> responses) {
    EngineHealth health = engine.health();
    responses.onNext(StatusReply.newBuilder().setState(health.state().name())
        .setFailure(health.failure() == null ? "" : health.failure())
        .setPendingOffers(health.pendingOffers()).setOffersRefusedAtEdge(health.offersRefusedAtEdge())
        .setDimension(engine.config().dimension()).setServing(health.state() == EngineState.RUNNING).build());
    responses.onCompleted();
  }
}
