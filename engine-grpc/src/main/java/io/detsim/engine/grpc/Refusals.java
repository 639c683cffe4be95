package io.detsim.engine.grpc;

import io.detsim.engine.protocol.RejectReason;
import io.grpc.Metadata;
import io.grpc.Status;

/**
 * The gRPC status of each of the engine's refusals, and the metadata key that carries a retry-after
 * on a call that ends refused. One table, so that an Ack's {@code status_code} and a call's status
 * say the same thing for the same refusal.
 */
final class Refusals {
  /** Milliseconds to wait before trying again, on a call that ended with RESOURCE_EXHAUSTED. */
  static final Metadata.Key<String> RETRY_AFTER_MS = Metadata.Key.of("retry-after-ms", Metadata.ASCII_STRING_MARSHALLER);

  private Refusals() {}

  static Status.Code codeOf(RejectReason reason) {
    return switch (reason) {
      case OVER_CAPACITY -> Status.Code.RESOURCE_EXHAUSTED;
      case INVALID_INPUT -> Status.Code.INVALID_ARGUMENT;
      case SEQUENCE_GAP -> Status.Code.INVALID_ARGUMENT;
      case SESSION_PAUSED, SESSION_UNKNOWN, SESSION_EXPIRED, SESSION_CLOSED -> Status.Code.FAILED_PRECONDITION;
      case SHUTTING_DOWN -> Status.Code.UNAVAILABLE;
      // A resource exhausted for good (the held-data budget), told apart from OVER_CAPACITY by its
      // reason and by carrying no retry-after: never UNAVAILABLE, which clients retry by themselves.
      case STORE_FULL -> Status.Code.RESOURCE_EXHAUSTED;
    };
  }

  static io.detsim.engine.grpc.wire.RejectReason toWire(RejectReason reason) {
    return io.detsim.engine.grpc.wire.RejectReason.valueOf(reason.name());
  }

  /** The engine's reason for a wire reason; null for none (UNSPECIFIED) or one this build does not know. */
  static RejectReason fromWire(io.detsim.engine.grpc.wire.RejectReason reason) {
    return switch (reason) {
      case REJECT_REASON_UNSPECIFIED, UNRECOGNIZED -> null;
      default -> RejectReason.valueOf(reason.name());
    };
  }

  /** Trailers that tell the caller to wait {@code retryAfterNanos} (rounded up to whole milliseconds). */
  static Metadata retryAfter(long retryAfterNanos) {
    Metadata trailers = new Metadata();
    trailers.put(RETRY_AFTER_MS, Long.toString(millisRoundedUp(retryAfterNanos)));
    return trailers;
  }

  static long millisRoundedUp(long nanos) {
    return nanos <= 0 ? 0 : (nanos + 999_999) / 1_000_000;
  }
}
