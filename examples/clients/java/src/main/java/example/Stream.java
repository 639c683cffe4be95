package example;

import io.detsim.engine.grpc.wire.ClientFrame;
import io.detsim.engine.grpc.wire.Close;
import io.detsim.engine.grpc.wire.EngineGrpc;
import io.detsim.engine.grpc.wire.Init;
import io.detsim.engine.grpc.wire.Observation;
import io.detsim.engine.grpc.wire.RecallRequest;
import io.detsim.engine.grpc.wire.ServerFrame;
import io.grpc.ManagedChannel;
import io.grpc.ManagedChannelBuilder;
import io.grpc.Status;
import io.grpc.stub.StreamObserver;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Streams observations to a detsim server at a target rate, as a user would: opens a session, sends
 * --count observations at --rate a second, honours every retry-after, reconnects and resends what was
 * not acknowledged when the stream breaks, then recalls. Writes the acknowledged observations to
 * --acked, '<space> <id>' a line.
 */
public final class Stream {

  /** The same id always has the same embedding in every client: FNV-1a of the id seeds xorshift32. */
  static List<Float> embeddingOf(String memoryId, int dim) {
    int x = 0x811C9DC5;
    for (byte b : memoryId.getBytes(StandardCharsets.UTF_8)) {
      x = (x ^ (b & 0xFF)) * 16777619;
    }
    if (x == 0) {
      x = 1;
    }
    List<Float> values = new ArrayList<>(dim);
    for (int i = 0; i < dim; i++) {
      x ^= x << 13;
      x ^= x >>> 17;
      x ^= x << 5;
      values.add((float) (Integer.toUnsignedLong(x) / 4294967296.0 * 2.0 - 1.0));
    }
    return values;
  }

  /** One session stream: answers (frames, or the status that ended it) arrive on a queue. */
  static final class Session implements StreamObserver<ServerFrame> {
    final BlockingQueue<Object> answers = new LinkedBlockingQueue<>();
    final StreamObserver<ClientFrame> out;
    String id;
    int window;

    Session(EngineGrpc.EngineStub stub, String space) throws InterruptedException {
      out = stub.session(this);
      out.onNext(ClientFrame.newBuilder().setInit(Init.newBuilder().setSpace(space)).build());
      Object first = answers.poll(60, TimeUnit.SECONDS);
      if (!(first instanceof ServerFrame frame) || !frame.hasInitAck()) {
        throw new IllegalStateException("no InitAck: " + first);
      }
      id = frame.getInitAck().getSessionId();
      window = frame.getInitAck().getWindow();
    }

    @Override public void onNext(ServerFrame frame) { answers.add(frame); }
    @Override public void onError(Throwable error) { answers.add(Status.fromThrowable(error)); }
    @Override public void onCompleted() { answers.add(Status.OK); }
  }

  static Session connect(EngineGrpc.EngineStub stub, String space) throws InterruptedException {
    for (int attempt = 0; attempt < 300; attempt++) {
      try {
        return new Session(stub, space);
      } catch (IllegalStateException unreachable) {
        Thread.sleep(200); // the server is unreachable: try again
      }
    }
    throw new IllegalStateException("could not reach the server for a minute");
  }

  public static void main(String[] args) throws Exception {
    Map<String, String> options = new HashMap<>(Map.of("target", "127.0.0.1:50051", "space", "java-client",
        "count", "10000", "rate", "2000", "dim", "128", "acked", ""));
    for (int i = 0; i + 1 < args.length; i += 2) {
      options.put(args[i].replaceFirst("^--", ""), args[i + 1]);
    }
    String space = options.get("space");
    int count = Integer.parseInt(options.get("count"));
    double rate = Double.parseDouble(options.get("rate"));
    int dim = Integer.parseInt(options.get("dim"));
    ManagedChannel channel = ManagedChannelBuilder.forTarget(options.get("target")).usePlaintext().build();
    EngineGrpc.EngineStub stub = EngineGrpc.newStub(channel);

    Deque<String> todo = new ArrayDeque<>();
    for (int i = 0; i < count; i++) {
      todo.addLast(space + "-" + i);
    }
    TreeMap<Long, String> inFlight = new TreeMap<>();
    List<String> acked = new ArrayList<>();
    long notBefore = 0;
    int reconnects = 0;
    Session session = connect(stub, space);
    System.out.println("java client: session open");
    long seq = 0;
    long sent = 0;
    long start = System.nanoTime();
    while (!todo.isEmpty() || !inFlight.isEmpty()) {
      long now = System.nanoTime();
      long due = start + (long) (sent * 1e9 / rate);
      while (!todo.isEmpty() && inFlight.size() < session.window && now >= due && now >= notBefore) {
        String memoryId = todo.pollFirst();
        inFlight.put(++seq, memoryId);
        session.out.onNext(ClientFrame.newBuilder().setObservation(Observation.newBuilder().setSessionId(session.id)
            .setSeq(seq).setMemoryId(memoryId).addAllEmbedding(embeddingOf(memoryId, dim))
            .setContent("observation " + memoryId)).build());
        sent++;
        due = start + (long) (sent * 1e9 / rate);
      }
      long waitNanos = Math.max(1_000_000, Math.min(due, Math.max(notBefore, now)) - now);
      Object answer = session.answers.poll(waitNanos, TimeUnit.NANOSECONDS);
      if (answer == null) {
        continue;
      }
      if (answer instanceof Status) { // the stream broke: reconnect, resend what was not answered, in order
        reconnects++;
        List<String> unanswered = new ArrayList<>(inFlight.values());
        for (int i = unanswered.size() - 1; i >= 0; i--) {
          todo.addFirst(unanswered.get(i));
        }
        inFlight.clear();
        session = connect(stub, space);
        seq = 0;
        continue;
      }
      ServerFrame frame = (ServerFrame) answer;
      if (!frame.hasAck()) {
        continue;
      }
      String memoryId = inFlight.remove(frame.getAck().getSeq());
      if (memoryId == null) {
        continue;
      }
      switch (frame.getAck().getOutcome()) {
        case ACCEPTED -> acked.add(memoryId);
        default -> {
          if (frame.getAck().getReason() == io.detsim.engine.grpc.wire.RejectReason.OVER_CAPACITY) {
            notBefore = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(frame.getAck().getRetryAfterMillis());
            todo.addFirst(memoryId);
          } else {
            System.err.println("refused " + memoryId + ": " + frame.getAck().getMessage());
            System.exit(1);
          }
        }
      }
    }
    double elapsed = (System.nanoTime() - start) / 1e9;
    session.out.onNext(ClientFrame.newBuilder().setClose(Close.getDefaultInstance()).build());
    session.out.onCompleted();

    List<String> hits = new ArrayList<>();
    EngineGrpc.newBlockingStub(channel).recall(RecallRequest.newBuilder().setSpace(space)
        .addAllCue(embeddingOf(acked.get(0), dim)).setK(5).build())
        .forEachRemaining(page -> page.getHitsList().forEach(hit -> hits.add(hit.getMemoryId())));
    System.out.printf("java client: %d acknowledged in %.1f s (%d reconnects); recall of %s -> %s%n", acked.size(),
        elapsed, reconnects, acked.get(0), hits.subList(0, Math.min(3, hits.size())));
    if (!options.get("acked").isEmpty()) {
      StringBuilder lines = new StringBuilder();
      acked.forEach(id -> lines.append(space).append(' ').append(id).append('\n'));
      Files.writeString(Path.of(options.get("acked")), lines);
    }
    channel.shutdownNow();
    System.exit(acked.size() == count ? 0 : 1);
  }
}
