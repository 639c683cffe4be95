package io.detsim.bench.real;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine;

/**
 * The end-to-end benchmark of the real engine: runs each {@link BenchPoint} of a sweep in turn
 * with {@link PointRunner}, prints each row as it comes, and writes the report
 * ({@link BenchReport}). Standalone:
 * {@code java -cp replay/target/detsim.jar io.detsim.bench.real.RealBench --quick}; the same
 * options as {@code detsim bench real} ({@link RealBenchCommand}).
 */
public final class RealBench {
  private final RunSettings settings;
  private final PrintWriter progress;

  RealBench(RunSettings settings, PrintWriter progress) {
    this.settings = settings;
    this.progress = progress;
  }

  public static void main(String[] args) {
    CommandLine command = new CommandLine(new RealBenchCommand());
    command.setParameterExceptionHandler((problem, arguments) -> { // one line, as detsim gives it
      problem.getCommandLine().getErr().println("bench real: " + problem.getMessage());
      return 2;
    });
    System.exit(command.execute(args));
  }

  /** Runs every point, one after the other, and writes the report into {@code folder}. */
  List<PointResult> run(List<BenchPoint> points, Path folder, String preamble)
      throws IOException, InterruptedException {
    List<PointResult> results = new ArrayList<>();
    boolean withTransport = ResultsTable.withTransport(points);
    progress.println(ResultsTable.header(withTransport));
    progress.flush();
    for (BenchPoint point : points) {
      PointResult result = new PointRunner(settings).run(point);
      results.add(result);
      progress.println(ResultsTable.row(result, withTransport));
      progress.flush();
      BenchReport.write(folder, preamble, results); // after each point: a long sweep cut short keeps its rows
      System.gc(); // the last engine's garbage should not be collected during the next one's measurement
    }
    String comparison = TransportComparison.render(results);
    if (!comparison.isEmpty()) {
      progress.println();
      progress.println(comparison);
    }
    progress.println("results, .hgrm files and " + BenchReport.CHART + " in " + folder.toAbsolutePath());
    return results;
  }
}
