package io.detsim.engine.grpc;

import io.grpc.Attributes;
import io.grpc.Metadata;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import io.grpc.ServerTransportFilter;
import io.grpc.Status;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * At most {@code max} client connections at once. A connection beyond them is marked when it opens,
 * and every call on it ends at once with RESOURCE_EXHAUSTED and a retry-after: the client learns why,
 * which a dropped TCP connection would not tell it. It is both the transport filter that counts and
 * marks, and the interceptor that refuses.
 */
final class ConnectionLimit extends ServerTransportFilter implements ServerInterceptor {
  private static final Attributes.Key<Boolean> OVER = Attributes.Key.create("detsim.connection-over-limit");
  private static final long RETRY_AFTER_NANOS = 1_000_000_000L;
  private final int max;
  private final AtomicInteger open = new AtomicInteger();

  ConnectionLimit(int max) {
    this.max = max;
  }

  @Override
  public Attributes transportReady(Attributes transport) {
    boolean over = open.incrementAndGet() > max;
    return transport.toBuilder().set(OVER, over).build();
  }

  @Override
  public void transportTerminated(Attributes transport) {
    if (transport != null && transport.get(OVER) != null) { // counted in transportReady (null: never ready)
      open.decrementAndGet();
    }
  }

  @Override
  public <Q, A> ServerCall.Listener<Q> interceptCall(ServerCall<Q, A> call, Metadata headers,
      ServerCallHandler<Q, A> next) {
    if (Boolean.TRUE.equals(call.getAttributes().get(OVER))) {
      call.close(Status.RESOURCE_EXHAUSTED.withDescription("more than " + max + " connections: this one is refused"),
          Refusals.retryAfter(RETRY_AFTER_NANOS));
      return new ServerCall.Listener<>() {};
    }
    return next.startCall(call, headers);
  }

  int open() {
    return open.get();
  }
}
