package io.detsim.bench.real;

import java.util.List;
import java.util.Locale;
import org.HdrHistogram.Histogram;

/**
 * The results as a Markdown table, one row a point: the same text goes to stdout and to
 * {@code results.md}. Latencies in milliseconds, from the intended send time. A sweep with any point
 * over gRPC has a first column, {@code transport}; a sweep on the embedded engine alone has the
 * table it always had.
 */
final class ResultsTable {
  static final String HEADER = "| rate/s | workers | batch | capacity | dim | offered | ACCEPTED/s | INDEXED/s "
      + "| rejected % | P50 ms | P90 ms | P99 ms | P99.9 ms | max ms | unanswered | max queue "
      + "| recall P50 ms | recall P99 ms | recall max ms | recalls | CPU cores | GC ms | fsync/s | disk MB/s "
      + "| store full | other refusals | load avg | failed |";
  private static final String RULE = "|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:"
      + "|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|";

  private static final String TRANSPORT_HEADER = "| transport ";
  private static final String TRANSPORT_RULE = "|---";

  private ResultsTable() {}

  /** The header, with the transport column when {@code withTransport}. */
  static String header(boolean withTransport) {
    return withTransport ? TRANSPORT_HEADER + HEADER : HEADER;
  }

  /** Whether a sweep of these points needs the transport column: one of them is not embedded. */
  static boolean withTransport(List<BenchPoint> points) {
    return points.stream().anyMatch(point -> point.transport() != Transport.EMBEDDED);
  }

  static String render(List<PointResult> results) {
    boolean withTransport = withTransport(results.stream().map(PointResult::point).toList());
    StringBuilder text = new StringBuilder(header(withTransport)).append('\n')
        .append(withTransport ? TRANSPORT_RULE + RULE : RULE).append('\n');
    for (PointResult result : results) {
      text.append(row(result, withTransport)).append('\n');
    }
    return text.toString();
  }

  static String row(PointResult result) {
    return row(result, false);
  }

  static String row(PointResult result, boolean withTransport) {
    BenchPoint point = result.point();
    String config = (withTransport ? "| " + point.transport().text() + " " : "")
        + String.format(Locale.ROOT, "| %d | %d | %s | %s | %d ", point.ratePerSecond(), point.workers(),
        point.batchText(), point.capacityText(), point.dimension());
    if (!result.ran()) {
      return config + "| did not run: " + result.error().replace('|', '/') + " |";
    }
    LoadTally load = result.load();
    Histogram latency = load.acceptedLatency();
    Histogram recall = result.recalls().latency();
    return config + String.format(Locale.ROOT,
        "| %d | %.0f | %.0f | %.2f | %s | %s | %s | %s | %s | %d | %d | %s | %s | %s | %d | %.2f | %d | %.0f | %.1f "
            + "| %d | %d | %.1f | %d |",
        load.offered(), load.acceptedPerSecond(), result.indexedPerSecond(), load.rejectedPercent(),
        millis(latency, 50), millis(latency, 90), millis(latency, 99), millis(latency, 99.9), max(latency),
        load.unanswered(), result.maxQueueDepth(), millis(recall, 50), millis(recall, 99), max(recall),
        recall.getTotalCount(), result.cpuCores(), result.gcMillis(), result.forcesPerSecond(),
        result.writtenMegabytesPerSecond(), load.storeFull(), load.otherRefusals(),
        result.loadAverage(), load.failedTotal());
  }

  static String millis(Histogram histogram, double percentile) {
    if (histogram.getTotalCount() == 0) {
      return "-";
    }
    return format(histogram.getValueAtPercentile(percentile));
  }

  private static String max(Histogram histogram) {
    return histogram.getTotalCount() == 0 ? "-" : format(histogram.getMaxValue());
  }

  private static String format(long nanos) {
    double millis = nanos / 1e6;
    return String.format(Locale.ROOT, millis < 10 ? "%.2f" : "%.0f", millis);
  }
}
