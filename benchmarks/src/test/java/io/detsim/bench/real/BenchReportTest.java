package io.detsim.bench.real;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;

/** The report's three outputs are written and well-formed: the table, the .hgrm files, the chart. */
class BenchReportTest {
  @TempDir
  Path folder;

  @Test
  void write_producesTheTable_oneHgrmPerPointAndHistogram_andAWellFormedSelfContainedChart() throws Exception {
    List<PointResult> results = List.of(result(10_000, 2_000_000), result(50_000, 40_000_000),
        PointResult.failed(new BenchPoint(100_000, 2, 0, 0, 128), "the engine did not start"));

    BenchReport.write(folder, "# preamble\n", results);

    String table = Files.readString(folder.resolve(BenchReport.RESULTS));
    assertThat(table).startsWith("# preamble").contains(ResultsTable.HEADER);
    assertThat(table.lines().filter(line -> line.startsWith("| 10000 | 2 | adaptive | default | 128 | 1000 |")))
        .hasSize(1);
    assertThat(table).contains("did not run: the engine did not start");
    for (String name : List.of("r10000-w2-badaptive-cdefault-d128", "r50000-w2-badaptive-cdefault-d128")) {
      List<String> hgrm = Files.readAllLines(folder.resolve(name + ".hgrm"));
      assertThat(hgrm.get(0).trim()).startsWith("Value").contains("Percentile");
      assertThat(hgrm).anyMatch(line -> line.startsWith("#[Max") && line.matches(".*Total count\\s*=\\s*1000.*"));
      assertThat(folder.resolve(name + "-recall.hgrm")).exists();
    }
    String html = Files.readString(folder.resolve(BenchReport.CHART));
    Document page = DocumentBuilderFactory.newInstance().newDocumentBuilder()
        .parse(new ByteArrayInputStream(html.getBytes(StandardCharsets.UTF_8)));
    assertThat(page.getElementsByTagName("polyline").getLength()).isEqualTo(2); // one line a point that ran
    assertThat(page.getElementsByTagName("tr").getLength()).isEqualTo(4); // header and three rows
    assertThat(html).doesNotContain("http").doesNotContain("<script");
    assertThat(html).contains("99.99%").contains("percentile");
  }

  @Test
  void curve_runsFromPercentileZeroToTheMax_onTheLogAxis() {
    Histogram latency = uniformMillis(1_000, 1);
    List<double[]> curve = LatencyChart.curve(latency);
    assertThat(curve.get(0)[0]).isEqualTo(0.0);
    assertThat(curve.get(curve.size() - 1)[0]).isEqualTo(4.0);
    assertThat(curve.get(curve.size() - 1)[1]).isCloseTo(1_000.0, org.assertj.core.data.Offset.offset(1.0));
    for (int i = 1; i < curve.size(); i++) {
      assertThat(curve.get(i)[0]).isGreaterThanOrEqualTo(curve.get(i - 1)[0]);
      assertThat(curve.get(i)[1]).isGreaterThanOrEqualTo(curve.get(i - 1)[1]);
    }
  }

  private static PointResult result(long rate, long stepNanos) {
    Histogram latency = new Histogram(3);
    for (int i = 1; i <= 1_000; i++) {
      latency.recordValue(i * stepNanos / 100);
    }
    Histogram recalls = uniformMillis(10, 1);
    LoadTally load = new LoadTally(1_000, latency, 990.0, 10, 0, 0, 0, 0, 0, 1_200, null);
    return new PointResult(new BenchPoint(rate, 2, 0, 0, 128), load, new RecallTally(recalls, 0, 0), 900.0, 1_150,
        300, 1.5, 12, 40.0, 3.5, 2.5, null);
  }

  private static Histogram uniformMillis(int count, long stepMillis) {
    Histogram histogram = new Histogram(3);
    for (int i = 1; i <= count; i++) {
      histogram.recordValue(i * stepMillis * 1_000_000L);
    }
    return histogram;
  }
}
