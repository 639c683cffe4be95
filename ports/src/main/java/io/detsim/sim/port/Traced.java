package io.detsim.sim.port;

/**
 * A message that describes itself for the trace.
 *
 * <p>The trace and its digest never use {@code hashCode} or {@code toString} of arbitrary objects:
 * an enum's or an array's hash code is its identity, which differs from run to run. A message that
 * implements this interface puts its {@link #traceDetail()} in the trace and in the digest; any
 * other message is traced by its class name alone.
 */
public interface Traced {

  /** A short, deterministic description: the same for the same content on every run. */
  String traceDetail();
}
