package io.detsim.cli;

import io.detsim.properties.scenario.ScenarioCatalogue;
import io.detsim.properties.scenario.RunSettings;
import io.detsim.properties.scenario.ScenarioRun;
import io.detsim.properties.scenario.Scenario;
import io.detsim.properties.core.PropertyRunner;
import io.detsim.replay.campaign.TryInput;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code detsim bench}: how fast the kernel's event loop is against a plain {@link java.util.PriorityQueue}
 * loop, and how many seeds per second each scenario runs, on this machine, now.
 */
@Command(name = "bench", mixinStandardHelpOptions = true, versionProvider = Detsim.Version.class,
    description = {"Benchmarks the kernel's event loop against the same loop on java.util.PriorityQueue (pending 1000"
        + " and 100000 events; the median of timed rounds after warm-up), then each scenario on one thread.",
        "Prints 'kernel pending=P events/s=N baseline=M ratio=R' and 'scenario NAME seeds/s=S speedup=X failed=F'"
        + " (speedup: simulated seconds per wall second; F runs that failed, each named on stderr, and the exit code"
        + " is 1 if any did: a failing run stops early, so its figures are not the scenario's), then where the"
        + " scenario's wall time went: each node kind's handlers (server/worker-3 counts as server, client-1 as"
        + " client), the share outside every handler (kernel, network, trace, checks), the overhead above the"
        + " --system kind's own work, and the wall milliseconds per simulated second in the windows 0-10s, 10-60s,"
        + " 60-600s and 600s-end (the last window reached holds the end checks).",
        "Takes under a minute; --quick for a rough figure in seconds."})
final class BenchCommand implements Callable<Integer> {
  @Spec
  private CommandSpec spec;

  private final ScenarioCatalogue catalogue;

  BenchCommand(ScenarioCatalogue catalogue) {
    this.catalogue = catalogue;
  }

  @Option(names = "--quick", description = "Fewer rounds and seeds: rough figures, fast.")
  private boolean quick;

  @Option(names = "--seeds", paramLabel = "N", description = "Seeds per scenario (default 3; 1 with --quick); a scenario stops after 4 s of runs, having run at least one.")
  private Integer seeds;

  @Option(names = "--scenario", paramLabel = "NAME", converter = Converters.ScenarioName.class,
      description = "Benchmark only this scenario (repeatable; default: all but the nightly ones).")
  private List<Scenario<?>> only = new ArrayList<>();

  @Option(names = "--system", paramLabel = "KIND", defaultValue = "server",
      description = "The node kind whose handlers are the system's own work, for the overhead figure (default: ${DEFAULT-VALUE}).")
  private String system;

  private static final long SCENARIO_BUDGET_NANOS = 4_000_000_000L;

  @Override
  public Integer call() {
    int seedsEach = seeds != null ? seeds : quick ? 1 : 3;
    if (seedsEach < 1) {
      throw new UsageException("--seeds must be at least 1: " + seedsEach);
    }
    PrintWriter out = spec.commandLine().getOut();
    for (int pending : new int[] {1_000, 100_000}) {
      KernelBench.Figures figures = quick ? KernelBench.measure(pending, 1, 3, 500_000)
          : KernelBench.measure(pending, 3, 7, 2_000_000);
      out.println(String.format(Locale.ROOT, "kernel pending=%d events/s=%.0f baseline=%.0f ratio=%.2f", pending,
          figures.eventsPerSecond(), figures.baselinePerSecond(), figures.ratio()));
      out.flush();
    }
    RunSettings none = RunSettings.plain();
    Scenario<?> warmup = Converters.defaultScenario(catalogue);
    TryInput.generate(warmup, PropertyRunner.seedOfTry(0, 0)).run(none); // JIT, class loading
    boolean anyFailed = false;
    for (Scenario<?> scenario : only.isEmpty() ? catalogue.all() : only) {
      if (only.isEmpty() && scenario.nightly()) {
        out.println("scenario " + scenario.name() + " skipped: nightly (minutes a run); name it with --scenario");
        continue;
      }
      long simulatedNanos = 0;
      long wallNanos = 0;
      int run = 0;
      int failed = 0;
      RunCost cost = new RunCost();
      RunSettings measured = none.withHandlerMeter(cost).withTrace(cost);
      // Heavy scenarios (seconds a run) stop after SCENARIO_BUDGET_NANOS, having run at least one seed.
      for (int i = 0; i < seedsEach && (i == 0 || wallNanos < SCENARIO_BUDGET_NANOS); i++, run++) {
        TryInput input = TryInput.generate(scenario, PropertyRunner.seedOfTry(0, i));
        cost.startRun();
        long start = System.nanoTime();
        ScenarioRun result = input.run(measured);
        wallNanos += System.nanoTime() - start;
        cost.endRun(result.simulatedNanos());
        simulatedNanos += result.simulatedNanos();
        if (!result.passed()) { // a run that failed stopped early: its figures are not the scenario's
          failed++;
          ScenarioRun.Failure failure = result.failure().orElseThrow();
          spec.commandLine().getErr().println(String.format(Locale.ROOT,
              "bench: %s failed at seed 0x%016x: %s at %.1fs; its figures are those of a failing run (replay it with"
                  + " ./detsim run %s --seed 0x%016x)", scenario.name(), input.seed(), failure.kind(),
              failure.atNanos() / 1e9, scenario.name(), input.seed()));
        }
      }
      anyFailed |= failed > 0;
      double wallSeconds = wallNanos / 1e9;
      out.println(String.format(Locale.ROOT, "scenario %s seeds/s=%.1f speedup=%.1f failed=%d %s", scenario.name(),
          run / wallSeconds, simulatedNanos / 1e9 / wallSeconds, failed, cost.describe(system)));
      out.flush();
    }
    return anyFailed ? Detsim.EXIT_FAILED : Detsim.EXIT_OK;
  }
}
