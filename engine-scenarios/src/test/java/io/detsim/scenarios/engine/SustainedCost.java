package io.detsim.scenarios.engine;

import io.detsim.properties.core.PropertyRunner;
import io.detsim.properties.scenario.RunSettings;
import io.detsim.properties.scenario.ScenarioRun;
import io.detsim.sim.HandlerMeter;
import io.detsim.sim.port.NodeId;
import io.detsim.sim.trace.TraceEvent;
import io.detsim.sim.trace.TraceSink;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * A measuring tool, not a test: runs sustained_10min's shape ({@link CatalogueInputs#sustained}, the
 * same rates and fault periods, faults healed at the end of the shape) for a given number of simulated
 * seconds and prints the CPU milliseconds per simulated second in windows of the run, each node
 * kind's handler share and the run's digest, so an oracle or harness cost that grows faster than the
 * run shows as a rising figure. The catalogue's {@code sustained_10min} is the 600 s shape.
 *
 * <pre>
 * javac -cp dist/target/detsim.jar -d /tmp/sc engine-scenarios/src/test/java/io/detsim/scenarios/engine/SustainedCost.java
 * java --add-modules jdk.incubator.vector -cp /tmp/sc:dist/target/detsim.jar io.detsim.scenarios.engine.SustainedCost 60 10
 * </pre>
 *
 * Arguments: the shape's length in simulated seconds, the window in simulated seconds (default 10),
 * the try index whose seed draws the input (default 0, as {@code detsim bench}'s first seed).
 *
 * <p>Reading the thread's CPU clock is a system call (about 1.5 microseconds on the 2-core build
 * machine, against some 20,000 handler calls a simulated second), so the meter is not free: each
 * window also prints its handler calls and {@code meter=}, the cost of the two reads around each
 * call (the read's cost is measured at start), and {@code outside-net=}, the time outside the
 * handlers less one read a call. Half of each read falls on either side of it, as far as one can
 * tell, so a call's two reads charge about one read to the handler and one to the time outside.
 */
public final class SustainedCost implements HandlerMeter, TraceSink {
  private static final long SECOND = 1_000_000_000L;

  private final long windowNanos;
  private final List<long[]> windows = new ArrayList<>(); // {simulated end, cpu nanos, handler nanos, calls}
  private final Map<String, long[]> handlerNanos = new TreeMap<>(); // by node kind: {nanos, calls}
  private final Map<NodeId, long[]> byNode = new java.util.HashMap<>();
  private long windowStartedAt;
  private long windowHandlerNanos;
  private long nextMark;
  private long windowCalls;
  private final double readNanos = nanosPerRead();

  /**
   * The simulating thread's CPU time, not wall time: the run is single-threaded, so this is its
   * whole cost, and a machine loaded by other work (the 2-core build machine always is) does not
   * stretch it. Reading it costs a system call per handler, charged to the handlers' share.
   */
  private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

  private static long cpuNanos() {
    return THREADS.getCurrentThreadCpuTime();
  }

  /** What one {@link #cpuNanos} costs, in its own time: the best of five rounds of 100,000 reads. */
  private static double nanosPerRead() {
    double best = Double.MAX_VALUE;
    for (int round = 0; round < 5; round++) {
      long start = cpuNanos();
      for (int i = 0; i < 100_000; i++) {
        cpuNanos();
      }
      best = StrictMath.min(best, (cpuNanos() - start) / 100_001.0);
    }
    return best;
  }

  private SustainedCost(long windowNanos) {
    this.windowNanos = windowNanos;
    this.nextMark = windowNanos;
  }

  public static void main(String[] args) {
    long seconds = Long.parseLong(args[0]);
    long window = args.length > 1 ? Long.parseLong(args[1]) : 10;
    long tryIndex = args.length > 2 ? Long.parseLong(args[2]) : 0;
    EngineScenario scenario = new EngineScenario("sustained_" + seconds + "s", "sustained_10min's shape, shorter",
        EngineScenarios.named("sustained_10min").orElseThrow().model().withFaultWindow(seconds * SECOND, 200),
        CatalogueInputs.sustained(seconds * SECOND));
    ScenarioInput input = PropertyRunner.generateTry(scenario.inputs(), PropertyRunner.seedOfTry(0, tryIndex)).value();
    SustainedCost cost = new SustainedCost(window * SECOND);
    long start = cpuNanos();
    cost.windowStartedAt = start;
    ScenarioRun run = scenario.run(input, RunSettings.plain().withHandlerMeter(cost).withTrace(cost));
    long end = cpuNanos();
    cost.windows.add(
        new long[] {run.simulatedNanos(), end - cost.windowStartedAt, cost.windowHandlerNanos, cost.windowCalls});
    cost.print(seconds, run, end - start);
  }

  @Override
  public void accept(TraceEvent event) {
    while (event.timeNanos() >= nextMark) {
      long now = cpuNanos();
      windows.add(new long[] {nextMark, now - windowStartedAt, windowHandlerNanos, windowCalls});
      System.out.printf(Locale.ROOT, "  at %6.1fs: ms/sim-s=%8.1f%n", nextMark / 1e9,
          (now - windowStartedAt) / 1e6 / (windowNanos / 1e9));
      System.out.flush();
      windowStartedAt = now;
      windowHandlerNanos = 0;
      windowCalls = 0;
      nextMark += windowNanos;
    }
  }

  @Override
  public long begin(NodeId node) {
    windowCalls++;
    return cpuNanos();
  }

  @Override
  public void end(NodeId node, long token) {
    long elapsed = cpuNanos() - token;
    long[] kind = byNode.computeIfAbsent(node, n -> handlerNanos.computeIfAbsent(kindOf(n), k -> new long[2]));
    kind[0] += elapsed;
    kind[1]++;
    windowHandlerNanos += elapsed;
  }

  private static String kindOf(NodeId node) {
    String name = node.name();
    int slash = name.indexOf('/');
    return (slash < 0 ? name : name.substring(0, slash)).replaceFirst("-\\d+$", "");
  }

  private void print(long seconds, ScenarioRun run, long wallNanos) {
    System.out.printf(Locale.ROOT, "shape=%ds simulated=%.1fs cpu=%.1fs verdict=%s digest=%s%n", seconds,
        run.simulatedNanos() / 1e9, wallNanos / 1e9, run.failure().map(f -> f.kind()).orElse("pass"), run.digest());
    long inHandlers = 0;
    StringBuilder shares = new StringBuilder();
    for (Map.Entry<String, long[]> kind : handlerNanos.entrySet()) {
      inHandlers += kind.getValue()[0];
      shares.append(String.format(Locale.ROOT, " %s=%.1f%%", kind.getKey(), 100.0 * kind.getValue()[0] / wallNanos));
    }
    long[] serverKind = handlerNanos.getOrDefault("server", new long[2]);
    long server = serverKind[0];
    System.out.printf(Locale.ROOT, "handlers:%s outside=%.1f%% overhead-above-server=%.2f%n", shares,
        100.0 * (wallNanos - inHandlers) / wallNanos, (wallNanos - server) / (double) Math.max(1, server));
    long calls = 0;
    for (long[] w : windows) {
      calls += w[3];
    }
    double meterNanos = 2.0 * calls * readNanos;
    double serverNet = server - serverKind[1] * readNanos; // one read a call falls inside the handler
    System.out.printf(Locale.ROOT, "meter: %.0f ns a CPU clock read, %d handler calls, %.1f s of reads (%.1f%%);"
        + " overhead above the server net of them %.2f%n", readNanos, calls, meterNanos / 1e9,
        100.0 * meterNanos / wallNanos, (wallNanos - meterNanos - serverNet) / Math.max(1.0, serverNet));
    long previous = 0;
    for (long[] w : windows) {
      double simulated = (w[0] - previous) / 1e9;
      if (simulated > 0) {
        double outside = (w[1] - w[2]) / 1e6 / simulated;
        double oneReadPerCall = w[3] * readNanos / 1e6 / simulated;
        System.out.printf(Locale.ROOT,
            "window %6.1f-%6.1fs ms/sim-s=%8.1f handlers=%5.1f%% calls/sim-s=%7.0f meter=%6.1f outside=%7.1f"
                + " outside-net=%7.1f%n",
            previous / 1e9, w[0] / 1e9, w[1] / 1e6 / simulated, 100.0 * w[2] / Math.max(1, w[1]), w[3] / simulated,
            2 * oneReadPerCall, outside, outside - oneReadPerCall);
      }
      previous = w[0];
    }
  }
}
