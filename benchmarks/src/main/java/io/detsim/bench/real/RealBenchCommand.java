package io.detsim.bench.real;

import java.io.IOException;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code detsim bench real}: the open-loop benchmark of the real engine over a sweep. Every
 * combination of the listed rates, workers, batch sizes, capacities and dimensions is one point,
 * run on a fresh engine; see docs/benchmarks.md.
 */
@Command(name = "real", mixinStandardHelpOptions = true,
    description = {"Benchmarks the real (embedded) engine with an open-loop load: observations on a fixed "
        + "schedule, latency from the intended send time, a recall probe during the stream. One point per "
        + "combination of the lists; writes results.md, .hgrm files and latency.html into the output folder."})
public final class RealBenchCommand implements Callable<Integer> {

  @Option(names = "--rates", split = ",", paramLabel = "N", converter = CountConverter.class,
      description = "Offered observations per second (K and M suffixes allowed). Default: ${DEFAULT-VALUE}.",
      defaultValue = "10K,50K,100K,150K,200K")
  List<Long> rates;

  @Option(names = "--workers", split = ",", paramLabel = "N",
      description = "Indexing workers. Default: ${DEFAULT-VALUE}.", defaultValue = "2")
  List<Integer> workers;

  @Option(names = "--batch", split = ",", paramLabel = "N|adaptive",
      description = "Fixed batch sizes, or 'adaptive' (the engine's 10/100/500 by queue depth). "
          + "Default: ${DEFAULT-VALUE}.",
      defaultValue = "adaptive")
  List<String> batches;

  @Option(names = "--capacity", split = ",", paramLabel = "N|default",
      description = "Queue capacity shared by all lanes (K suffix allowed), or 'default' (the engine's lanes, "
          + "160K in total). Default: ${DEFAULT-VALUE}.", defaultValue = "default")
  List<String> capacities;

  @Option(names = "--dim", split = ",", paramLabel = "N",
      description = "Embedding dimension. Default: ${DEFAULT-VALUE}.", defaultValue = "128")
  List<Integer> dimensions;

  @Option(names = "--duration", paramLabel = "TIME", converter = DurationConverter.class,
      description = "Measured time per point (e.g. 10s, 500ms, 1m). Default: 10s.", defaultValue = "10s")
  Duration duration;

  @Option(names = "--warmup", paramLabel = "TIME", converter = DurationConverter.class,
      description = "Warm-up per point, sent but not measured. Default: 2s.", defaultValue = "2s")
  Duration warmup;

  @Option(names = "--quick", description = "A smoke run: 2s measured and 1s warm-up per point.")
  boolean quick;

  @Option(names = "--spaces", paramLabel = "N", description = "Memory spaces the stream is spread over. Default: 16.",
      defaultValue = "16")
  int spaces;

  @Option(names = "--recalls", paramLabel = "N", description = "Recalls per second during the stream; 0 for none. "
      + "Default: 10.", defaultValue = "10")
  int recallsPerSecond;

  @Option(names = "--grace", paramLabel = "TIME", converter = DurationConverter.class,
      description = "After the last send, how long to wait for answers before counting the rest as unanswered. "
          + "Default: 30s.", defaultValue = "30s")
  Duration grace;

  @Option(names = "--seed", description = "Seed of the embeddings and of the engine. Default: 1.", defaultValue = "1")
  long seed;

  @Option(names = "--compact-after", paramLabel = "N", converter = CountConverter.class,
      description = "Log records between the engine's compactions (K and M suffixes allowed); 0 keeps the "
          + "engine's 20K. Default: 0.", defaultValue = "0")
  long compactAfterRecords;

  @Option(names = "--out", paramLabel = "DIR", description = "Output folder. Default: target/detsim-bench/<timestamp>.")
  Path out;

  @Spec
  CommandSpec spec;

  @Override
  public Integer call() throws IOException, InterruptedException {
    RunSettings settings = new RunSettings(quick ? 1_000_000_000L : warmup.toNanos(),
        quick ? 2_000_000_000L : duration.toNanos(), spaces, recallsPerSecond, grace.toNanos(), seed,
        compactAfterRecords);
    Path folder = out != null ? out : Path.of("target", "detsim-bench",
        LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss", Locale.ROOT)));
    PrintWriter stdout = spec == null ? new PrintWriter(System.out, true) : spec.commandLine().getOut();
    List<PointResult> results = new RealBench(settings, stdout).run(points(), folder, preamble(settings));
    return results.stream().allMatch(PointResult::ran) ? 0 : 1;
  }

  /** Every combination of the lists, rates varying fastest so a rate sweep reads top to bottom. */
  List<BenchPoint> points() {
    List<BenchPoint> points = new ArrayList<>();
    for (int dimension : dimensions) {
      for (String capacity : capacities) {
        for (String batch : batches) {
          for (int workerCount : workers) {
            for (long rate : rates) {
              points.add(new BenchPoint(rate, workerCount, parseBatch(batch), parseCapacity(capacity), dimension));
            }
          }
        }
      }
    }
    return points;
  }

  private String preamble(RunSettings settings) {
    return "# detsim real engine benchmark\n\n"
        + String.format(Locale.ROOT, "- %d points; %.1f s warm-up, %.1f s measured each; %d spaces; %d recalls/s "
            + "(k 10); grace %.0f s; seed %d; compaction every %s records%n", points().size(),
            settings.warmupNanos() / 1e9,
            settings.measureNanos() / 1e9, settings.spaces(), settings.recallsPerSecond(), settings.graceNanos() / 1e9,
            settings.seed(), settings.compactAfterRecords() == 0 ? "20000 (engine default)"
                : Long.toString(settings.compactAfterRecords()))
        + "- machine: " + Runtime.getRuntime().availableProcessors() + " processors, Java "
        + System.getProperty("java.version") + ", max heap " + Runtime.getRuntime().maxMemory() / (1 << 20) + " MB, "
        + "load average at start " + loadAverage() + "\n"
        + "- latency: from the intended send time to ACCEPTED (open loop, no coordinated omission); "
        + "INDEXED/s: indexed count over the measured window, sampled every 100 ms\n";
  }

  private static String loadAverage() {
    double load = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    return load < 0 ? "unknown" : String.format(Locale.ROOT, "%.2f", load);
  }

  static int parseBatch(String text) {
    return text.equalsIgnoreCase("adaptive") ? BenchPoint.ADAPTIVE : Math.toIntExact(parseCount(text));
  }

  static int parseCapacity(String text) {
    return text.equalsIgnoreCase("default") ? BenchPoint.DEFAULT_CAPACITY : Math.toIntExact(parseCount(text));
  }

  /** {@code 100000}, {@code 100K}, {@code 1M}. */
  static long parseCount(String text) {
    String trimmed = text.trim().toUpperCase(Locale.ROOT);
    long unit = 1;
    if (trimmed.endsWith("K")) {
      unit = 1_000;
    } else if (trimmed.endsWith("M")) {
      unit = 1_000_000;
    }
    String digits = unit == 1 ? trimmed : trimmed.substring(0, trimmed.length() - 1);
    return Math.multiplyExact(Long.parseLong(digits), unit);
  }

  /** {@code 10s}, {@code 500ms}, {@code 2m}, or an ISO-8601 duration. */
  static Duration parseDuration(String text) {
    String trimmed = text.trim().toLowerCase(Locale.ROOT);
    if (trimmed.endsWith("ms")) {
      return Duration.ofMillis(Long.parseLong(trimmed.substring(0, trimmed.length() - 2)));
    }
    if (trimmed.endsWith("s")) {
      return Duration.ofMillis(Math.round(Double.parseDouble(trimmed.substring(0, trimmed.length() - 1)) * 1000));
    }
    if (trimmed.endsWith("m")) {
      return Duration.ofSeconds(Long.parseLong(trimmed.substring(0, trimmed.length() - 1)) * 60);
    }
    return Duration.parse(text.trim().toUpperCase(Locale.ROOT));
  }

  static final class CountConverter implements ITypeConverter<Long> {
    @Override
    public Long convert(String value) {
      return parseCount(value);
    }
  }

  static final class DurationConverter implements ITypeConverter<Duration> {
    @Override
    public Duration convert(String value) {
      return parseDuration(value);
    }
  }
}
