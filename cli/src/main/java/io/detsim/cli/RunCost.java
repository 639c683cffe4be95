package io.detsim.cli;

import io.detsim.sim.HandlerMeter;
import io.detsim.sim.port.NodeId;
import io.detsim.sim.trace.TraceEvent;
import io.detsim.sim.trace.TraceSink;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.LongSupplier;

/**
 * Where the wall time of a scenario's runs goes, for {@code detsim bench}: how much of it is spent in
 * each kind of node's handlers (the system's own work) and how much outside them (the kernel, the
 * network, the trace and the checks), and what each simulated second costs early and late in a
 * run, so an oracle that grows faster than the run shows as a rising cost per simulated second. The
 * cost outside the system's own handlers is reported per window too: a system whose own work grows
 * with its state (an index's insert does) makes the whole cost rise, and only this figure says
 * whether the harness grows with it.
 *
 * <p>Handlers are timed with {@link System#nanoTime()}: a run is single-threaded, and a thread's CPU
 * clock costs a system call per reading, which would weigh on millions of short handlers. A node's
 * kind is its top-level name without a trailing instance number: {@code server/worker-3} counts as
 * {@code server}, {@code client-1} as {@code client}.
 */
final class RunCost implements HandlerMeter, TraceSink {
  /** Simulated-time marks between the windows whose cost per simulated second is reported. */
  private static final long[] MARKS = {10_000_000_000L, 60_000_000_000L, 600_000_000_000L};
  private static final String[] WINDOWS = {"0-10s", "10-60s", "60-600s", "600s-end"};

  private final LongSupplier clock;
  /** Each node's kind's accumulator (shared by the nodes of a kind): one lookup a handler. */
  private final Map<NodeId, long[]> accumulators = new LinkedHashMap<>();
  /** Each node kind's handler nanoseconds, by window. */
  private final Map<String, long[]> handlerNanos = new TreeMap<>();
  private final long[] windowWallNanos = new long[WINDOWS.length];
  private final long[] windowSimulatedNanos = new long[WINDOWS.length];
  private long totalWallNanos;
  private int window;
  private long runStartedAt;
  private long windowStartedAt;
  private long windowStartedAtSimulated;
  private long lastSimulatedNanos;

  RunCost() {
    this(System::nanoTime);
  }

  /** With {@code clock} in place of {@link System#nanoTime()}: a test's, which it advances itself. */
  RunCost(LongSupplier clock) {
    this.clock = clock;
  }

  /** Call before each run. */
  void startRun() {
    window = 0;
    runStartedAt = windowStartedAt = clock.getAsLong();
    windowStartedAtSimulated = lastSimulatedNanos = 0;
  }

  /** Call after each run, with its simulated length. */
  void endRun(long simulatedNanos) {
    long now = clock.getAsLong();
    windowWallNanos[window] += now - windowStartedAt;
    windowSimulatedNanos[window] += simulatedNanos - windowStartedAtSimulated;
    totalWallNanos += now - runStartedAt;
  }

  @Override
  public void accept(TraceEvent event) {
    lastSimulatedNanos = event.timeNanos();
    while (window < MARKS.length && lastSimulatedNanos >= MARKS[window]) {
      long now = clock.getAsLong();
      windowWallNanos[window] += now - windowStartedAt;
      windowSimulatedNanos[window] += MARKS[window] - windowStartedAtSimulated;
      windowStartedAt = now;
      windowStartedAtSimulated = MARKS[window];
      window++;
    }
  }

  @Override
  public long begin(NodeId node) {
    return clock.getAsLong();
  }

  @Override
  public void end(NodeId node, long token) {
    long elapsed = clock.getAsLong() - token;
    long[] accumulator = accumulators.get(node);
    if (accumulator == null) {
      accumulator = handlerNanos.computeIfAbsent(kindOf(node), kind -> new long[WINDOWS.length]);
      accumulators.put(node, accumulator);
    }
    accumulator[window] += elapsed;
  }

  static String kindOf(NodeId node) {
    String name = node.name();
    int slash = name.indexOf('/');
    String top = slash < 0 ? name : name.substring(0, slash);
    return top.replaceFirst("-\\d+$", "");
  }

  /**
   * {@code handlers=server:61.0%,client:7.2% outside=31.8% overhead=0.64 ms/sim-s=0-10s:40.1,10-60s:41.0
   * overhead-ms/sim-s=0-10s:15.6,10-60s:16.0}: each node kind's share of the wall time, the share
   * outside every handler, the overhead above {@code system}'s own work (everything else divided by
   * it), the wall milliseconds per simulated second in each window the runs reached, and of those the
   * milliseconds outside {@code system}'s handlers. The two overhead figures are left out when no node
   * is of that kind.
   */
  String describe(String system) {
    StringBuilder text = new StringBuilder("handlers=");
    long inHandlers = 0;
    boolean first = true;
    for (Map.Entry<String, long[]> entry : handlerNanos.entrySet()) {
      long nanos = sum(entry.getValue());
      text.append(first ? "" : ",").append(entry.getKey()).append(':').append(percent(nanos));
      inHandlers += nanos;
      first = false;
    }
    text.append(" outside=").append(percent(totalWallNanos - inHandlers));
    long[] systemNanos = handlerNanos.get(system);
    long inSystem = systemNanos == null ? 0 : sum(systemNanos);
    boolean measuredSystem = inSystem > 0;
    if (measuredSystem) {
      text.append(String.format(Locale.ROOT, " overhead=%.2f", (totalWallNanos - inSystem) / (double) inSystem));
    }
    text.append(" ms/sim-s=").append(perSimulatedSecond(new long[WINDOWS.length]));
    if (measuredSystem) {
      text.append(" overhead-ms/sim-s=").append(perSimulatedSecond(systemNanos));
    }
    return text.toString();
  }

  /** Each window's wall time less {@code excluded}'s, in milliseconds per simulated second. */
  private String perSimulatedSecond(long[] excluded) {
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < WINDOWS.length; i++) {
      if (windowSimulatedNanos[i] > 0) {
        text.append(text.length() == 0 ? "" : ",").append(WINDOWS[i]).append(':').append(String.format(Locale.ROOT,
            "%.1f", (windowWallNanos[i] - excluded[i]) / 1e6 / (windowSimulatedNanos[i] / 1e9)));
      }
    }
    return text.toString();
  }

  private static long sum(long[] byWindow) {
    long total = 0;
    for (long nanos : byWindow) {
      total += nanos;
    }
    return total;
  }

  private String percent(long nanos) {
    return String.format(Locale.ROOT, "%.1f%%", 100.0 * nanos / Math.max(1, totalWallNanos));
  }
}
