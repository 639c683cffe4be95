package io.detsim.engine.client;

import io.detsim.engine.protocol.Priority;
import io.detsim.engine.protocol.SpaceId;
import io.detsim.sim.port.Check;
import io.detsim.sim.port.NodeId;
import io.detsim.sim.port.Ratio;
import java.util.Objects;

/**
 * Settings of a {@link StreamingClient}. Build from {@link #of} and change with the {@code with*}
 * methods; the constructor checks every field. There is no seed: every random choice (episode
 * content, priorities, jitter, recall cues) comes from the node's {@code "client"} random stream.
 *
 * <p>Times are true elapsed time (the client's timers), not readings of its possibly skewed clock.
 *
 * @param server the server node the client talks to
 * @param space the memory space the client writes to; must be a valid space id, because an Init
 *     with a bad space could not be answered at all (InitAck has no refusal)
 * @param observationsTotal how many observations to stream (sequence numbers 1..N of the first session)
 * @param dimension the embedding (and recall cue) dimension
 * @param ratePerSecond the target rate of new observations, per second of virtual time
 * @param rateFloorPerSecond BACKPRESSURE halves the rate, but never below this
 * @param rateRestoreIntervalNanos after ACTIVE, the rate doubles back towards the target once per interval
 * @param windowMax at most this many observations sent and not yet ACCEPTED (or finally REJECTED)
 * @param retryTimeoutNanos an observation without an answer is resent after this, doubling each time
 * @param retryTimeoutMaxNanos the cap of that doubling (and of the overload wait's own backoff)
 * @param retryJitter each wait is lengthened by a random share of it in {@code [0, retryJitter]},
 *     so that clients that lost messages together do not retry together
 * @param initRetryTimeoutNanos an Init without an InitAck is resent after this, doubling up to the cap
 * @param priorityMix the queue lanes the observations ask for
 * @param recallProbe the optional periodic recall
 * @param close when the client closes its session (always with drain)
 */
public record ClientOptions(
    NodeId server,
    String space,
    long observationsTotal,
    int dimension,
    long ratePerSecond,
    long rateFloorPerSecond,
    long rateRestoreIntervalNanos,
    int windowMax,
    long retryTimeoutNanos,
    long retryTimeoutMaxNanos,
    Ratio retryJitter,
    long initRetryTimeoutNanos,
    PriorityMix priorityMix,
    RecallProbe recallProbe,
    ClosePolicy close) {
  static final long SECOND_NANOS = 1_000_000_000L;
  static final long MILLISECOND_NANOS = 1_000_000L;
  /** A window is a bound on memory and on what a server must hold for one client. */
  static final int WINDOW_LIMIT = 1_000_000;

  public ClientOptions {
    Objects.requireNonNull(server, "server");
    Check.argument(SpaceId.problemWith(space).isEmpty(), "client space: %s", SpaceId.problemWith(space).orElse(""));
    Check.argument(observationsTotal >= 0, "observations total must not be negative: %d", observationsTotal);
    Check.argument(dimension >= 1, "dimension must be at least 1: %d", dimension);
    Check.argument(ratePerSecond >= 1 && ratePerSecond <= SECOND_NANOS,
        "rate must be in [1, 1e9] per second: %d", ratePerSecond);
    Check.argument(rateFloorPerSecond >= 1 && rateFloorPerSecond <= ratePerSecond,
        "rate floor must be in [1, rate %d]: %d", ratePerSecond, rateFloorPerSecond);
    Check.argument(rateRestoreIntervalNanos > 0, "rate restore interval must be positive: %d", rateRestoreIntervalNanos);
    Check.argument(windowMax >= 1 && windowMax <= WINDOW_LIMIT, "window must be in [1, %d]: %d", WINDOW_LIMIT, windowMax);
    Check.argument(retryTimeoutNanos > 0 && retryTimeoutMaxNanos >= retryTimeoutNanos,
        "retry needs 0 < timeout <= max: %d, %d", retryTimeoutNanos, retryTimeoutMaxNanos);
    Objects.requireNonNull(retryJitter, "retryJitter");
    Check.argument(initRetryTimeoutNanos > 0, "init retry timeout must be positive: %d", initRetryTimeoutNanos);
    Objects.requireNonNull(priorityMix, "priorityMix");
    Objects.requireNonNull(recallProbe, "recallProbe");
    Objects.requireNonNull(close, "close");
  }

  /**
   * Sensible defaults: 1,000 observations of dimension 16 at 1,000 per second (floor 10), a window
   * of 64, retries after 200 ms doubling up to 5 s with up to a quarter of jitter, Init retried
   * after 200 ms, the rate restored by doubling every 100 ms, every observation NORMAL, no recall
   * probe, and a draining Close once every observation is answered.
   */
  public static ClientOptions of(NodeId server, String space) {
    return new ClientOptions(server, space, 1_000, 16, 1_000, 10, 100 * MILLISECOND_NANOS, 64,
        200 * MILLISECOND_NANOS, 5 * SECOND_NANOS, Ratio.of(1, 4), 200 * MILLISECOND_NANOS,
        PriorityMix.fixed(Priority.NORMAL), RecallProbe.none(), ClosePolicy.WHEN_DONE);
  }

  public ClientOptions withObservationsTotal(long total) {
    return new ClientOptions(server, space, total, dimension, ratePerSecond, rateFloorPerSecond,
        rateRestoreIntervalNanos, windowMax, retryTimeoutNanos, retryTimeoutMaxNanos, retryJitter,
        initRetryTimeoutNanos, priorityMix, recallProbe, close);
  }

  public ClientOptions withDimension(int newDimension) {
    return new ClientOptions(server, space, observationsTotal, newDimension, ratePerSecond, rateFloorPerSecond,
        rateRestoreIntervalNanos, windowMax, retryTimeoutNanos, retryTimeoutMaxNanos, retryJitter,
        initRetryTimeoutNanos, priorityMix, recallProbe, close);
  }

  /** A target rate; the floor is lowered to it if it was above. */
  public ClientOptions withRate(long perSecond) {
    return new ClientOptions(server, space, observationsTotal, dimension, perSecond,
        Math.min(rateFloorPerSecond, perSecond), rateRestoreIntervalNanos, windowMax, retryTimeoutNanos,
        retryTimeoutMaxNanos, retryJitter, initRetryTimeoutNanos, priorityMix, recallProbe, close);
  }

  public ClientOptions withRateFloor(long perSecond) {
    return new ClientOptions(server, space, observationsTotal, dimension, ratePerSecond, perSecond,
        rateRestoreIntervalNanos, windowMax, retryTimeoutNanos, retryTimeoutMaxNanos, retryJitter,
        initRetryTimeoutNanos, priorityMix, recallProbe, close);
  }

  public ClientOptions withRateRestoreInterval(long nanos) {
    return new ClientOptions(server, space, observationsTotal, dimension, ratePerSecond, rateFloorPerSecond,
        nanos, windowMax, retryTimeoutNanos, retryTimeoutMaxNanos, retryJitter,
        initRetryTimeoutNanos, priorityMix, recallProbe, close);
  }

  public ClientOptions withWindowMax(int window) {
    return new ClientOptions(server, space, observationsTotal, dimension, ratePerSecond, rateFloorPerSecond,
        rateRestoreIntervalNanos, window, retryTimeoutNanos, retryTimeoutMaxNanos, retryJitter,
        initRetryTimeoutNanos, priorityMix, recallProbe, close);
  }

  public ClientOptions withRetry(long timeoutNanos, long timeoutMaxNanos) {
    return new ClientOptions(server, space, observationsTotal, dimension, ratePerSecond, rateFloorPerSecond,
        rateRestoreIntervalNanos, windowMax, timeoutNanos, timeoutMaxNanos, retryJitter,
        initRetryTimeoutNanos, priorityMix, recallProbe, close);
  }

  public ClientOptions withRetryJitter(Ratio jitter) {
    return new ClientOptions(server, space, observationsTotal, dimension, ratePerSecond, rateFloorPerSecond,
        rateRestoreIntervalNanos, windowMax, retryTimeoutNanos, retryTimeoutMaxNanos, jitter,
        initRetryTimeoutNanos, priorityMix, recallProbe, close);
  }

  public ClientOptions withInitRetryTimeout(long nanos) {
    return new ClientOptions(server, space, observationsTotal, dimension, ratePerSecond, rateFloorPerSecond,
        rateRestoreIntervalNanos, windowMax, retryTimeoutNanos, retryTimeoutMaxNanos, retryJitter,
        nanos, priorityMix, recallProbe, close);
  }

  public ClientOptions withPriorityMix(PriorityMix mix) {
    return new ClientOptions(server, space, observationsTotal, dimension, ratePerSecond, rateFloorPerSecond,
        rateRestoreIntervalNanos, windowMax, retryTimeoutNanos, retryTimeoutMaxNanos, retryJitter,
        initRetryTimeoutNanos, mix, recallProbe, close);
  }

  public ClientOptions withRecallProbe(RecallProbe probe) {
    return new ClientOptions(server, space, observationsTotal, dimension, ratePerSecond, rateFloorPerSecond,
        rateRestoreIntervalNanos, windowMax, retryTimeoutNanos, retryTimeoutMaxNanos, retryJitter,
        initRetryTimeoutNanos, priorityMix, probe, close);
  }

  public ClientOptions withClose(ClosePolicy policy) {
    return new ClientOptions(server, space, observationsTotal, dimension, ratePerSecond, rateFloorPerSecond,
        rateRestoreIntervalNanos, windowMax, retryTimeoutNanos, retryTimeoutMaxNanos, retryJitter,
        initRetryTimeoutNanos, priorityMix, recallProbe, policy);
  }
}
