package io.detsim.bench.real;

import com.sun.management.OperatingSystemMXBean;
import io.detsim.engine.metrics.HistogramSnapshot;
import io.detsim.engine.metrics.MetricNames;
import io.detsim.engine.metrics.MetricsSnapshot;
import io.detsim.engine.metrics.Series;
import io.detsim.engine.real.EmbeddedEngine;
import io.detsim.runtime.RealDiskStats;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.HdrHistogram.Histogram;

/**
 * Runs one point: a fresh engine on a fresh temporary folder, the open-loop stream, the recall probe
 * and the indexed-count poller together, then the engine is stopped without draining and the
 * folder deleted, so that no point inherits another's backlog, files or index. With
 * {@link Transport#GRPC} the offers go through a gRPC server and client on loopback
 * ({@link WireLoopback}), started for the point and closed before the engine; the recall probe and
 * the poller still ask the engine in process, so the two transports differ only in the offers' path.
 */
final class PointRunner {
  private static final String CONTENT = "bench"; // the text is stored, not measured
  private static final int POOL_SIZE = 4_096;
  private static final int RECALL_K = 10;
  private static final long START_DELAY_NANOS = 20_000_000L; // threads started before t0

  private final RunSettings settings;

  PointRunner(RunSettings settings) {
    this.settings = settings;
  }

  PointResult run(BenchPoint point) throws InterruptedException {
    Path folder;
    try {
      folder = Files.createTempDirectory("detsim-bench-");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    try {
      return runIn(point, folder);
    } finally {
      deleteTree(folder);
    }
  }

  private PointResult runIn(BenchPoint point, Path folder) throws InterruptedException {
    EmbeddedEngine engine;
    try {
      engine = EmbeddedEngine.start(point.config(folder, settings.seed(), settings.compactAfterRecords()));
    } catch (RuntimeException e) {
      return PointResult.failed(point, "the engine did not start: " + e);
    }
    try {
      return measure(point, engine);
    } finally {
      engine.shutdown(/* drain= */ false);
    }
  }

  private PointResult measure(BenchPoint point, EmbeddedEngine engine) throws InterruptedException {
    List<String> spaces = spaces(settings.spaces());
    if (point.transport() == Transport.EMBEDDED) {
      return measure(point, engine, spaces, (space, vector) -> engine.offer(space, vector, CONTENT));
    }
    WireLoopback wire;
    try {
      wire = WireLoopback.start(engine, spaces);
    } catch (RuntimeException e) {
      return PointResult.failed(point, "the gRPC server or its client did not start: " + e.getMessage());
    }
    try (wire) {
      return measure(point, engine, spaces, wire.sink());
    }
  }

  private PointResult measure(BenchPoint point, EmbeddedEngine engine, List<String> spaces, OfferSink sink)
      throws InterruptedException {
    double loadAverage = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    EmbeddingPool pool = EmbeddingPool.random(point.dimension(), POOL_SIZE, settings.seed());
    long t0 = System.nanoTime() + START_DELAY_NANOS;
    Schedule offers = new Schedule(t0, point.ratePerSecond(), settings.warmupNanos(), settings.measureNanos());
    OpenLoopLoad load = new OpenLoopLoad(sink, offers, pool, spaces);
    RecallProbe probe = null;
    if (settings.recallsPerSecond() > 0) {
      Schedule recalls = new Schedule(t0, settings.recallsPerSecond(), settings.warmupNanos(), settings.measureNanos());
      EmbeddingPool cues = EmbeddingPool.random(point.dimension(), 256, settings.seed() + 1);
      probe = new RecallProbe((space, cue) -> engine.recall(space, cue, RECALL_K), recalls, cues, spaces);
    }
    IndexedPoller poller = new IndexedPoller(() -> engine.inspect(server -> new long[] {
        indexed(server.metrics()), server.queueDepth()}));
    poller.start();
    load.start();
    if (probe != null) {
      probe.start();
    }
    Usage before = Usage.awaitAndRead(offers.measureStartNanos());
    RealDiskStats diskBefore = engine.runtime().diskStats(engine.serverId());
    Usage after = Usage.awaitAndRead(offers.measureEndNanos());
    RealDiskStats diskAfter = engine.runtime().diskStats(engine.serverId());
    double seconds = (after.atNanos() - before.atNanos()) / 1e9;
    load.awaitSent();
    LoadTally tally = load.finish(settings.graceNanos());
    RecallTally recallTally = probe == null ? new RecallTally(new Histogram(3), 0, 0)
        : probe.finish(settings.graceNanos());
    List<IndexedPoller.Sample> samples = poller.stop();
    double indexedPerSecond = IndexedPoller.ratePerSecond(samples, offers.measureStartNanos(),
        offers.measureEndNanos());
    long indexedAtEnd = samples.isEmpty() ? 0 : samples.get(samples.size() - 1).indexed();
    return new PointResult(point, tally, recallTally, indexedPerSecond, indexedAtEnd,
        IndexedPoller.maxQueueDepth(samples, offers.measureStartNanos(), offers.measureEndNanos()),
        after.cpuCoresSince(before), after.gcMillis() - before.gcMillis(),
        (diskAfter.forces() - diskBefore.forces()) / seconds,
        (diskAfter.bytesWritten() - diskBefore.bytesWritten()) / 1e6 / seconds, loadAverage, null);
  }

  /** Observations indexed so far: every worker's batch sizes summed (a re-delivered batch counts once). */
  static long indexed(MetricsSnapshot metrics) {
    long sum = 0;
    for (Series series : metrics.series()) {
      if (series.name().equals(MetricNames.BATCH_SIZE)) {
        HistogramSnapshot sizes = metrics.histogram(series.name(), series.labelValues().toArray(String[]::new));
        sum += sizes.sum().longValueExact();
      }
    }
    return sum;
  }

  static List<String> spaces(int count) {
    List<String> names = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      names.add(String.format("bench_%02d", i));
    }
    return names;
  }

  /** The process's CPU and collector time at one moment. */
  private record Usage(long atNanos, long cpuNanos, long gcMillis) {
    static Usage awaitAndRead(long atNanos) throws InterruptedException {
      long wait = atNanos - System.nanoTime();
      if (wait > 0) {
        Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
      }
      OperatingSystemMXBean os = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
      long gc = 0;
      for (GarbageCollectorMXBean collector : ManagementFactory.getGarbageCollectorMXBeans()) {
        gc += Math.max(0, collector.getCollectionTime());
      }
      return new Usage(System.nanoTime(), os.getProcessCpuTime(), gc);
    }

    double cpuCoresSince(Usage before) {
      return (cpuNanos - before.cpuNanos) / (double) Math.max(1, atNanos - before.atNanos);
    }
  }

  private static void deleteTree(Path folder) {
    try (Stream<Path> paths = Files.walk(folder)) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(path);
      }
    } catch (IOException e) {
      System.err.println("could not delete " + folder + ": " + e);
    }
  }
}
