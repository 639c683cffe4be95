package io.detsim.bench.real;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.HdrHistogram.Histogram;

/**
 * Embedded beside gRPC, one row for each configuration run both ways in the same sweep
 * ({@code --transport both}): ACCEPTED/s and the P50, P99 and P99.9 of ACCEPTED latency, each with
 * the ratio gRPC over embedded. The two points of a row ran one after the other in the same process,
 * which is what makes the ratio worth more than either figure on a shared machine. Empty when no
 * configuration ran both ways.
 */
final class TransportComparison {
  static final String HEADER = "| rate/s | workers | batch | capacity | dim "
      + "| ACCEPTED/s embedded | ACCEPTED/s grpc | ratio "
      + "| P50 ms embedded | P50 ms grpc | ratio | P99 ms embedded | P99 ms grpc | ratio "
      + "| P99.9 ms embedded | P99.9 ms grpc | ratio | rejected % embedded | rejected % grpc |";
  private static final String RULE = "|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:"
      + "|---:|---:|---:|---:|";

  private TransportComparison() {}

  static String render(List<PointResult> results) {
    Map<BenchPoint, PointResult> embedded = new LinkedHashMap<>();
    Map<BenchPoint, PointResult> grpc = new LinkedHashMap<>();
    for (PointResult result : results) {
      BenchPoint point = result.point();
      BenchPoint key = new BenchPoint(point.ratePerSecond(), point.workers(), point.batchSize(), point.capacity(),
          point.dimension());
      if (result.ran()) {
        (point.transport() == Transport.EMBEDDED ? embedded : grpc).put(key, result);
      }
    }
    List<String> rows = new ArrayList<>();
    for (Map.Entry<BenchPoint, PointResult> entry : embedded.entrySet()) {
      PointResult wire = grpc.get(entry.getKey());
      if (wire != null) {
        rows.add(row(entry.getKey(), entry.getValue(), wire));
      }
    }
    if (rows.isEmpty()) {
      return "";
    }
    return "Embedded and gRPC (loopback), ratio = gRPC / embedded:\n\n" + HEADER + "\n" + RULE + "\n"
        + String.join("\n", rows) + "\n";
  }

  private static String row(BenchPoint point, PointResult embedded, PointResult grpc) {
    StringBuilder row = new StringBuilder(String.format(Locale.ROOT, "| %d | %d | %s | %s | %d ",
        point.ratePerSecond(), point.workers(), point.batchText(), point.capacityText(), point.dimension()));
    double ratesEmbedded = embedded.load().acceptedPerSecond();
    double ratesGrpc = grpc.load().acceptedPerSecond();
    row.append(String.format(Locale.ROOT, "| %.0f | %.0f | %s ", ratesEmbedded, ratesGrpc, ratio(ratesGrpc,
        ratesEmbedded)));
    for (double percentile : new double[] {50, 99, 99.9}) {
      Histogram e = embedded.acceptedLatency();
      Histogram g = grpc.acceptedLatency();
      row.append("| ").append(ResultsTable.millis(e, percentile)).append(" | ").append(ResultsTable.millis(g, percentile))
          .append(" | ").append(e.getTotalCount() == 0 || g.getTotalCount() == 0 ? "-"
              : ratio(g.getValueAtPercentile(percentile), e.getValueAtPercentile(percentile))).append(' ');
    }
    row.append(String.format(Locale.ROOT, "| %.2f | %.2f |", embedded.load().rejectedPercent(),
        grpc.load().rejectedPercent()));
    return row.toString();
  }

  private static String ratio(double over, double under) {
    return under <= 0 ? "-" : String.format(Locale.ROOT, "%.2f", over / under);
  }
}
