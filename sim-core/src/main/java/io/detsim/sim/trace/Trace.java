package io.detsim.sim.trace;

import io.detsim.sim.random.SplitMix64;

/**
 * The run's trace: every traced event is folded into a 64-bit digest, and handed to a sink when
 * one is installed (a JSON Lines file, a ring of the last events for a failure report).
 *
 * <p><b>The digest</b>, stable across JVMs, machines and JDKs because it uses only specified
 * arithmetic on specified inputs: start from {@code 0x6a09e667f3bcc909}; for each event, for each of
 * its fields in the order time, node, kind, peer, detail, set {@code h = mix(h ^ v)}, where
 * {@code mix} is SplitMix64's finaliser, {@code v} is the time in nanoseconds for the time and the
 * FNV-1a 64 hash of the UTF-16 text for the others (0 for an absent peer or detail). No
 * {@code hashCode} of any object takes part: enums and arrays hash by identity, which changes from
 * run to run.
 */
public final class Trace {
  private static final long DIGEST_START = 0x6a09e667f3bcc909L;

  private long digest = DIGEST_START;
  private long events;
  private long markedDigest = DIGEST_START;
  private long markedEvents;
  private TraceSink sink;

  /** Installs a sink (or null to remove it); the digest is kept either way. */
  public void setSink(TraceSink sink) {
    this.sink = sink;
  }

  public boolean hasSink() {
    return sink != null;
  }

  public long digest() {
    return digest;
  }

  /** Number of events folded so far. */
  public long events() {
    return events;
  }

  /** Folds one event. {@code peer} and {@code detail} may be null. */
  public void record(long timeNanos, Name node, Name kind, Name peer, String detail) {
    long h = digest;
    h = SplitMix64.mix(h ^ timeNanos);
    h = SplitMix64.mix(h ^ node.hash());
    h = SplitMix64.mix(h ^ kind.hash());
    h = SplitMix64.mix(h ^ (peer == null ? 0 : peer.hash()));
    h = SplitMix64.mix(h ^ (detail == null ? 0 : SplitMix64.fnv1a64(detail)));
    digest = h;
    events++;
    if (sink != null) {
      sink.accept(new TraceEvent(timeNanos, node.text(), kind.text(), peer == null ? null : peer.text(), detail));
    }
  }

  /**
   * Remembers the digest and the event count as they are now. The simulator marks the start of
   * every handler, so that {@link #rewindToMark} can take back what a handler folded before it
   * overflowed the stack.
   */
  public void mark() {
    markedDigest = digest;
    markedEvents = events;
  }

  /**
   * Forgets the events folded since the last {@link #mark}: the digest and count are as they were
   * then. Where a handler overflows the stack depends on the JVM's stack size and on what the JIT
   * compiled, so the events it traced before that point differ from run to run and must not count.
   * (A sink has already seen them: it is for people, the digest is the proof.)
   */
  public void rewindToMark() {
    digest = markedDigest;
    events = markedEvents;
  }

  /**
   * How a message appears in the trace: its {@link io.detsim.sim.port.Traced#traceDetail()}, or its
   * class name. Never its {@code toString} or {@code hashCode}, which may carry identity.
   */
  public static String describe(Object message) {
    return message instanceof io.detsim.sim.port.Traced
        ? ((io.detsim.sim.port.Traced) message).traceDetail()
        : message.getClass().getSimpleName();
  }

  /** The digest as printed everywhere: {@code 0x} and 16 lower-case hex digits. */
  public static String format(long digest) {
    return String.format("0x%016x", digest);
  }
}
