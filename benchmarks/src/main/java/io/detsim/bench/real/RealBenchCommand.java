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
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.TypeConversionException;

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

  @Option(names = "--rates", split = ",", paramLabel = "N", converter = RateConverter.class,
      description = "Offered observations per second (K and M suffixes allowed). Default: ${DEFAULT-VALUE}.",
      defaultValue = "10K,50K,100K,150K,200K")
  List<Long> rates;

  @Option(names = "--workers", split = ",", paramLabel = "N", converter = WorkersConverter.class,
      description = "Indexing workers, 1 to 64. Default: ${DEFAULT-VALUE}.", defaultValue = "2")
  List<Integer> workers;

  @Option(names = "--batch", split = ",", paramLabel = "N|adaptive", converter = BatchConverter.class,
      description = "Fixed batch sizes, or 'adaptive' (the engine's 10/100/500 by queue depth). "
          + "Default: ${DEFAULT-VALUE}.",
      defaultValue = "adaptive")
  List<Integer> batches;

  @Option(names = "--capacity", split = ",", paramLabel = "N|default", converter = CapacityConverter.class,
      description = "Queue capacity shared by all lanes (K suffix allowed), or 'default' (the engine's lanes, "
          + "160K in total). Default: ${DEFAULT-VALUE}.", defaultValue = "default")
  List<Integer> capacities;

  @Option(names = "--dim", split = ",", paramLabel = "N", converter = DimensionConverter.class,
      description = "Embedding dimension, 1 to " + DimensionConverter.MAX + ". Default: ${DEFAULT-VALUE}.",
      defaultValue = "128")
  List<Integer> dimensions;

  @Option(names = "--duration", paramLabel = "TIME", converter = PositiveDurationConverter.class,
      description = "Measured time per point (e.g. 10s, 500ms, 1m). Default: 10s.", defaultValue = "10s")
  Duration duration;

  @Option(names = "--warmup", paramLabel = "TIME", converter = DurationConverter.class,
      description = "Warm-up per point, sent but not measured. Default: 2s.", defaultValue = "2s")
  Duration warmup;

  @Option(names = "--quick", description = "A smoke run: 2s measured and 1s warm-up per point.")
  boolean quick;

  @Option(names = "--spaces", paramLabel = "N", converter = SpacesConverter.class, description = "Memory spaces the stream is spread over. Default: 16.",
      defaultValue = "16")
  int spaces;

  @Option(names = "--recalls", paramLabel = "N", converter = RecallRateConverter.class, description = "Recalls per second during the stream; 0 for none. "
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

  @Option(names = "--transport", paramLabel = "embedded|grpc|both", converter = TransportConverter.class,
      description = "How offers reach the engine: 'embedded' (in process), 'grpc' (a gRPC server and client on "
          + "127.0.0.1 in this process, one session stream per space), or 'both' (each point embedded, then over "
          + "gRPC, and a table of the two with their ratio). Default: ${DEFAULT-VALUE}.",
      defaultValue = "embedded")
  Transports transports = new Transports(List.of(Transport.EMBEDDED));

  /** The transports of {@code --transport}, in the order each configuration runs them. */
  record Transports(List<Transport> list) {}

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
    checkBeforeRunning(settings, folder);
    PrintWriter stdout = spec == null ? new PrintWriter(System.out, true) : spec.commandLine().getOut();
    PrintWriter stderr = spec == null ? new PrintWriter(System.err, true) : spec.commandLine().getErr();
    Thread.UncaughtExceptionHandler previous = Thread.getDefaultUncaughtExceptionHandler();
    Thread.setDefaultUncaughtExceptionHandler(RealBenchCommand::endOnJvmError);
    List<PointResult> results;
    try {
      results = new RealBench(settings, stdout).run(points(), folder, preamble(settings));
    } finally {
      Thread.setDefaultUncaughtExceptionHandler(previous);
    }
    int failedPoints = 0;
    for (PointResult result : results) {
      if (result.failure() != null) {
        failedPoints++;
        stderr.println("bench real: point " + result.point().name() + ": " + result.failure());
      }
    }
    if (failedPoints > 0) {
      stderr.println("bench real: " + failedPoints + " of " + results.size()
          + " points failed (above); the figures of a failed point are not the engine's under load");
      stderr.flush();
      return 1;
    }
    return 0;
  }

  /**
   * A thread of the harness (the generator, the recall probe, the poller) met an error of the JVM,
   * an OutOfMemoryError most likely: the measurement is void and the process cannot be trusted to
   * go on, so it ends now, saying so, instead of living on with a thread missing. The engine's own
   * threads do not get here: the engine contains such errors and fails its offers.
   */
  private static void endOnJvmError(Thread thread, Throwable error) {
    try {
      System.err.println("detsim: bench real: " + error + " in thread " + thread.getName()
          + "; the benchmark cannot go on");
    } finally {
      if (error instanceof VirtualMachineError) {
        Runtime.getRuntime().halt(1);
      }
    }
  }

  /**
   * What the converters cannot see alone, checked before the first point runs: a sweep that would
   * fail after its first hour of points, or write nowhere at its end, is refused at once, in one
   * line (exit 2). Each point's engine options are built here, so the engine's own checks run too.
   */
  private void checkBeforeRunning(RunSettings settings, Path folder) {
    for (BenchPoint point : points()) {
      try {
        point.config(folder, settings.seed(), settings.compactAfterRecords());
      } catch (IllegalArgumentException bad) {
        throw usage("point " + point.name() + " cannot run: " + bad.getMessage());
      }
    }
    Optional<String> problem = BenchReport.problemWriting(folder);
    if (problem.isPresent()) {
      throw usage("--out " + folder + ": " + problem.get());
    }
  }

  private CommandLine.ParameterException usage(String message) {
    return new CommandLine.ParameterException(spec == null ? new CommandLine(this) : spec.commandLine(), message);
  }

  /**
   * Every combination of the lists, rates varying fastest so a rate sweep reads top to bottom; with
   * {@code --transport both}, each configuration embedded and then over gRPC, one after the other.
   */
  List<BenchPoint> points() {
    List<BenchPoint> points = new ArrayList<>();
    for (int dimension : dimensions) {
      for (int capacity : capacities) {
        for (int batch : batches) {
          for (int workerCount : workers) {
            for (long rate : rates) {
              for (Transport transport : transports.list()) {
                points.add(new BenchPoint(rate, workerCount, batch, capacity, dimension, transport));
              }
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
        + (transports.list().contains(Transport.GRPC) ? "- transport: " + String.join(" then ",
            transports.list().stream().map(Transport::text).toList()) + " (gRPC: server and client in this process "
            + "on 127.0.0.1, plaintext, one session stream per space; recalls and the indexed count in process)\n"
            : "")
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

  /**
   * A whole number from {@code min} to {@code max}, K and M suffixes allowed; anything else is a
   * {@link TypeConversionException}, which picocli reports as one line naming the option (exit 2).
   */
  static long count(String text, long min, long max, String what) {
    long value;
    try {
      value = parseCount(text);
    } catch (NumberFormatException | ArithmeticException bad) {
      throw new TypeConversionException("'" + text + "' is not " + what);
    }
    if (value < min || value > max) {
      throw new TypeConversionException("'" + text + "' is not " + what);
    }
    return value;
  }

  static Duration duration(String text, boolean zeroAllowed) {
    String what = zeroAllowed ? "a duration of 0 or more" : "a duration above 0";
    Duration value;
    try {
      value = parseDuration(text);
    } catch (RuntimeException bad) { // NumberFormatException, DateTimeParseException, ArithmeticException
      throw new TypeConversionException("'" + text + "' is not " + what + ", like 10s, 500ms, 2m");
    }
    if (value.isNegative() || (value.isZero() && !zeroAllowed)) {
      throw new TypeConversionException("'" + text + "' is not " + what + ", like 10s, 500ms, 2m");
    }
    return value;
  }

  static final class CountConverter implements ITypeConverter<Long> {
    @Override
    public Long convert(String value) {
      return count(value, 0, Long.MAX_VALUE, "a count of 0 or more, like 0, 20000, 1M");
    }
  }

  static final class RateConverter implements ITypeConverter<Long> {
    @Override
    public Long convert(String value) {
      return count(value, 1, Long.MAX_VALUE, "a rate above 0 per second, like 500, 10K, 1M");
    }
  }

  static final class WorkersConverter implements ITypeConverter<Integer> {
    @Override
    public Integer convert(String value) {
      return (int) count(value, 1, 64, "a worker count from 1 to 64");
    }
  }

  /** {@code adaptive}, or a fixed batch size above 0. */
  static final class BatchConverter implements ITypeConverter<Integer> {
    @Override
    public Integer convert(String value) {
      if (value.trim().equalsIgnoreCase("adaptive")) {
        return BenchPoint.ADAPTIVE;
      }
      return (int) count(value, 1, Integer.MAX_VALUE, "a batch size: 'adaptive' or 1 to " + Integer.MAX_VALUE);
    }
  }

  /** {@code default}, or one queue capacity above 0 (an int: the queue counts in ints). */
  static final class CapacityConverter implements ITypeConverter<Integer> {
    @Override
    public Integer convert(String value) {
      if (value.trim().equalsIgnoreCase("default")) {
        return BenchPoint.DEFAULT_CAPACITY;
      }
      return (int) count(value, 1, Integer.MAX_VALUE, "a queue capacity: 'default' or 1 to " + Integer.MAX_VALUE);
    }
  }

  /** At most 8,192: the harness makes a pool of 4,096 vectors before the run, 128 MB at that size. */
  static final class DimensionConverter implements ITypeConverter<Integer> {
    static final int MAX = 8_192;

    @Override
    public Integer convert(String value) {
      return (int) count(value, 1, MAX, "a dimension from 1 to " + MAX);
    }
  }

  static final class SpacesConverter implements ITypeConverter<Integer> {
    @Override
    public Integer convert(String value) {
      return (int) count(value, 1, 10_000, "a number of memory spaces from 1 to 10000");
    }
  }

  static final class RecallRateConverter implements ITypeConverter<Integer> {
    @Override
    public Integer convert(String value) {
      return (int) count(value, 0, 100_000, "a recall rate from 0 to 100000 per second");
    }
  }

  /** {@code embedded}, {@code grpc}, or {@code both} (embedded, then grpc). */
  static final class TransportConverter implements ITypeConverter<Transports> {
    @Override
    public Transports convert(String value) {
      return switch (value.trim().toLowerCase(Locale.ROOT)) {
        case "embedded" -> new Transports(List.of(Transport.EMBEDDED));
        case "grpc" -> new Transports(List.of(Transport.GRPC));
        case "both" -> new Transports(List.of(Transport.EMBEDDED, Transport.GRPC));
        default -> throw new TypeConversionException("'" + value + "' is not a transport: embedded, grpc or both");
      };
    }
  }

  static final class DurationConverter implements ITypeConverter<Duration> {
    @Override
    public Duration convert(String value) {
      return duration(value, /* zeroAllowed= */ true);
    }
  }

  static final class PositiveDurationConverter implements ITypeConverter<Duration> {
    @Override
    public Duration convert(String value) {
      return duration(value, /* zeroAllowed= */ false);
    }
  }
}
