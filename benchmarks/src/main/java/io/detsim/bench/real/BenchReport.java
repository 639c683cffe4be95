package io.detsim.bench.real;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.HdrHistogram.Histogram;

/**
 * Writes a sweep's results into its folder: {@code results.md} (the table and how it was made),
 * one {@code <point>.hgrm} and {@code <point>-recall.hgrm} per point (HdrHistogram's percentile
 * distribution, in milliseconds, readable by its plotter), and {@code latency.html}, the chart.
 */
final class BenchReport {
  static final String RESULTS = "results.md";
  static final String CHART = "latency.html";
  private static final double NANOS_PER_MILLI = 1e6;

  private BenchReport() {}

  /**
   * Why nothing could be written into {@code folder}, or empty when it can: the folder is made if
   * missing and a file is written into it and deleted. Asked before a sweep starts, so an
   * unwritable folder is reported in a second, not after the last point.
   */
  static Optional<String> problemWriting(Path folder) {
    try {
      Files.createDirectories(folder);
      Path probe = Files.createTempFile(folder, ".detsim-bench-", ".probe");
      Files.delete(probe);
      return Optional.empty();
    } catch (IOException | SecurityException | UnsupportedOperationException e) {
      return Optional.of("cannot write there (" + e.getClass().getSimpleName() + ": " + e.getMessage() + ")");
    }
  }

  /** Writes everything; {@code preamble} (how the run was made) heads results.md. */
  static void write(Path folder, String preamble, List<PointResult> results) throws IOException {
    Files.createDirectories(folder);
    String table = ResultsTable.render(results);
    String comparison = TransportComparison.render(results);
    Files.writeString(folder.resolve(RESULTS), preamble + "\n" + table + (comparison.isEmpty() ? "" : "\n" + comparison),
        StandardCharsets.UTF_8);
    List<LatencyChart.Line> lines = new ArrayList<>();
    for (PointResult result : results) {
      if (!result.ran()) {
        continue;
      }
      writeHgrm(folder.resolve(result.point().name() + ".hgrm"), result.acceptedLatency());
      writeHgrm(folder.resolve(result.point().name() + "-recall.hgrm"), result.recalls().latency());
      lines.add(new LatencyChart.Line(label(result.point()), result.acceptedLatency()));
    }
    Files.writeString(folder.resolve(CHART), LatencyChart.render("detsim real engine: ACCEPTED latency", lines,
        htmlTable(table)), StandardCharsets.UTF_8);
  }

  /** The legend names only what tells the lines apart in the usual sweeps; the table has the rest. */
  static String label(BenchPoint point) {
    return String.format(Locale.ROOT, "%,d/s w%d batch=%s cap=%s d%d", point.ratePerSecond(), point.workers(),
        point.batchText(), point.capacityText(), point.dimension())
        + (point.transport() == Transport.EMBEDDED ? "" : " " + point.transport().text());
  }

  static void writeHgrm(Path file, Histogram latencyNanos) throws IOException {
    try (PrintStream out = new PrintStream(Files.newOutputStream(file), false, StandardCharsets.UTF_8)) {
      latencyNanos.outputPercentileDistribution(out, NANOS_PER_MILLI);
    }
  }

  /** The Markdown table as an HTML table, for the chart's page. */
  static String htmlTable(String markdown) {
    StringBuilder html = new StringBuilder("<table>\n");
    String[] rows = markdown.split("\n");
    for (int r = 0; r < rows.length; r++) {
      if (r == 1) {
        continue; // the Markdown rule under the header
      }
      String cell = r == 0 ? "th" : "td";
      html.append("<tr>");
      String row = rows[r].trim();
      for (String value : row.substring(1, row.length() - 1).split("\\|")) {
        html.append('<').append(cell).append('>').append(LatencyChart.escape(value.trim())).append("</")
            .append(cell).append('>');
      }
      html.append("</tr>\n");
    }
    return html.append("</table>\n").toString();
  }
}
