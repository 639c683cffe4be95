package io.detsim.cli;

import io.detsim.sim.HandlerMeter;
import io.detsim.sim.port.NodeId;
import io.detsim.sim.trace.TraceEvent;
import io.detsim.sim.trace.TraceSink;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Where the wall time of a scenario's runs goes, for {@code detsim bench}: how much of it is spent in
 * each kind of node's handlers (the system's own work) and how much outside them (the kernel, the
 * network, the trace and the checks), and what each simulated second costs early and late in a
 * run, so an oracle that grows faster than the run shows as a rising cost per simulated second.
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

  /** Each node's kind's accumulator (shared by the nodes of a kind): one lookup a handler. */
  private final Map<NodeId, long[]> accumulators = new LinkedHashMap<>();
  private final Map<String, long[]> handlerNanos = new TreeMap<>();
  private final long[] windowWallNanos = new long[WINDOWS.length];
  private final long[] windowSimulatedNanos = new long[WINDOWS.length];
  private long totalWallNanos;
  private int window;
  private long runStartedAt;
  private long windowStartedAt;
  private long windowStartedAtSimulated;
  private long lastSimulatedNanos;

  /** Call before each run. */
  void startRun() {
    window = 0;
    runStartedAt = windowStartedAt = System.nanoTime();
    windowStartedAtSimulated = lastSimulatedNanos = 0;
  }

  /** Call after each run, with its simulated length. */
  void endRun(long simulatedNanos) {
    long now = System.nanoTime();
    windowWallNanos[window] += now - windowStartedAt;
    windowSimulatedNanos[window] += simulatedNanos - windowStartedAtSimulated;
    totalWallNanos += now - runStartedAt;
  }

  @Override
  public void accept(TraceEvent event) {
    lastSimulatedNanos = event.timeNanos();
    while (window < MARKS.length && lastSimulatedNanos >= MARKS[window]) {
      long now = System.nanoTime();
      windowWallNanos[window] += now - windowStartedAt;
      windowSimulatedNanos[window] += MARKS[window] - windowStartedAtSimulated;
      windowStartedAt = now;
      windowStartedAtSimulated = MARKS[window];
      window++;
    }
  }

  @Override
  public long begin(NodeId node) {
    return System.nanoTime();
  }

  @Override
  public void end(NodeId node, long token) {
    long elapsed = System.nanoTime() - token;
    long[] accumulator = accumulators.get(node);
    if (accumulator == null) {
      accumulator = handlerNanos.computeIfAbsent(kindOf(node), kind -> new long[1]);
      accumulators.put(node, accumulator);
    }
    accumulator[0] += elapsed;
  }

  static String kindOf(NodeId node) {
    String name = node.name();
    int slash = name.indexOf('/');
    String top = slash < 0 ? name : name.substring(0, slash);
    return top.replaceFirst("-\\d+$", "");
  }

  /**
   * {@code handlers=server:61.0%,client:7.2% outside=31.8% overhead=0.64 ms/sim-s=0-10s:40.1,10-60s:41.0}:
   * each node kind's share of the wall time, the share outside every handler, the overhead above
   * {@code system}'s own work (everything else divided by it; left out when no node is of that kind)
   * and the wall milliseconds per simulated second in each window the runs reached.
   */
  String describe(String system) {
    StringBuilder text = new StringBuilder("handlers=");
    long inHandlers = 0;
    boolean first = true;
    for (Map.Entry<String, long[]> entry : handlerNanos.entrySet()) {
      text.append(first ? "" : ",").append(entry.getKey()).append(':').append(percent(entry.getValue()[0]));
      inHandlers += entry.getValue()[0];
      first = false;
    }
    text.append(" outside=").append(percent(totalWallNanos - inHandlers));
    long[] systemNanos = handlerNanos.get(system);
    if (systemNanos != null && systemNanos[0] > 0) {
      text.append(String.format(Locale.ROOT, " overhead=%.2f", (totalWallNanos - systemNanos[0]) / (double) systemNanos[0]));
    }
    text.append(" ms/sim-s=");
    first = true;
    for (int i = 0; i < WINDOWS.length; i++) {
      if (windowSimulatedNanos[i] > 0) {
        text.append(first ? "" : ",").append(WINDOWS[i]).append(':').append(String.format(Locale.ROOT, "%.1f",
            windowWallNanos[i] / 1e6 / (windowSimulatedNanos[i] / 1e9)));
        first = false;
      }
    }
    return text.toString();
  }

  private String percent(long nanos) {
    return String.format(Locale.ROOT, "%.1f%%", 100.0 * nanos / Math.max(1, totalWallNanos));
  }
}
