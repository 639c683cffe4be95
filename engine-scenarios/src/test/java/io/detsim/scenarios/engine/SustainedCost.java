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
 */
public final class SustainedCost implements HandlerMeter, TraceSink {
  private static final long SECOND = 1_000_000_000L;

  private final long windowNanos;
  private final List<long[]> windows = new ArrayList<>(); // {simulated end, wall nanos, handler nanos}
  private final Map<String, long[]> handlerNanos = new TreeMap<>();
  private final Map<NodeId, long[]> byNode = new java.util.HashMap<>();
  private long windowStartedAt;
  private long windowHandlerNanos;
  private long nextMark;

  /**
   * The simulating thread's CPU time, not wall time: the run is single-threaded, so this is its
   * whole cost, and a machine loaded by other work (the 2-core build machine always is) does not
   * stretch it. Reading it costs a system call per handler, charged to the handlers' share.
   */
  private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

  private static long cpuNanos() {
    return THREADS.getCurrentThreadCpuTime();
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
    cost.windows.add(new long[] {run.simulatedNanos(), end - cost.windowStartedAt, cost.windowHandlerNanos});
    cost.print(seconds, run, end - start);
  }

  @Override
  public void accept(TraceEvent event) {
    while (event.timeNanos() >= nextMark) {
      long now = cpuNanos();
      windows.add(new long[] {nextMark, now - windowStartedAt, windowHandlerNanos});
      System.out.printf(Locale.ROOT, "  at %6.1fs: ms/sim-s=%8.1f%n", nextMark / 1e9,
          (now - windowStartedAt) / 1e6 / (windowNanos / 1e9));
      System.out.flush();
      windowStartedAt = now;
      windowHandlerNanos = 0;
      nextMark += windowNanos;
    }
  }

  @Override
  public long begin(NodeId node) {
    return cpuNanos();
  }

  @Override
  public void end(NodeId node, long token) {
    long elapsed = cpuNanos() - token;
    long[] kind = byNode.computeIfAbsent(node, n -> handlerNanos.computeIfAbsent(kindOf(n), k -> new long[1]));
    kind[0] += elapsed;
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
    long server = handlerNanos.getOrDefault("server", new long[1])[0];
    System.out.printf(Locale.ROOT, "handlers:%s outside=%.1f%% overhead-above-server=%.2f%n", shares,
        100.0 * (wallNanos - inHandlers) / wallNanos, (wallNanos - server) / (double) Math.max(1, server));
    long previous = 0;
    for (long[] w : windows) {
      double simulated = (w[0] - previous) / 1e9;
      if (simulated > 0) {
        System.out.printf(Locale.ROOT, "window %6.1f-%6.1fs ms/sim-s=%8.1f handlers=%5.1f%%%n", previous / 1e9,
            w[0] / 1e9, w[1] / 1e6 / simulated, 100.0 * w[2] / Math.max(1, w[1]));
      }
      previous = w[0];
    }
  }
}
