package io.detsim.bench.real;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** One tiny real point on the embedded engine, through the command, and the command's parsing. */
class RealBenchTest {
  @TempDir
  Path folder;

  @Test
  void aTinyRealPoint_completes_andAcceptsWhatItOffered() throws Exception {
    StringWriter out = new StringWriter();
    CommandLine command = new CommandLine(new RealBenchCommand());
    command.setOut(new PrintWriter(out));
    int exit = command.execute("--rates", "2000", "--workers", "1", "--dim", "16", "--duration", "1s",
        "--warmup", "200ms", "--spaces", "4", "--grace", "10s", "--out", folder.toString());

    assertThat(exit).isZero();
    String row = out.toString().lines().filter(line -> line.startsWith("| 2000 |")).findFirst().orElseThrow();
    String[] cells = row.split("\\|");
    assertThat(Long.parseLong(cells[6].trim())).isEqualTo(2_000); // offered in the measured second
    assertThat(Double.parseDouble(cells[7].trim())).isGreaterThan(0); // ACCEPTED/s
    assertThat(cells[9].trim()).isEqualTo("0.00"); // nothing refused at this rate
    assertThat(cells[15].trim()).isEqualTo("0"); // nothing unanswered
    assertThat(folder.resolve("r2000-w1-badaptive-cdefault-d16.hgrm")).exists();
    assertThat(Files.readString(folder.resolve("results.md"))).contains(row);
  }

  @Test
  void points_areEveryCombination_withRatesFastest() {
    RealBenchCommand options = new RealBenchCommand();
    new CommandLine(options).parseArgs("--rates", "10K,50K", "--workers", "1,2", "--batch", "adaptive,100",
        "--capacity", "1K", "--dim", "128,768");
    assertThat(options.points()).hasSize(16);
    assertThat(options.points().get(0)).isEqualTo(new BenchPoint(10_000, 1, 0, 1_000, 128));
    assertThat(options.points().get(1)).isEqualTo(new BenchPoint(50_000, 1, 0, 1_000, 128));
    assertThat(options.points().get(15)).isEqualTo(new BenchPoint(50_000, 2, 100, 1_000, 768));
  }

  @Test
  void durationsAndCounts_parseTheUsualShortForms() {
    assertThat(RealBenchCommand.parseDuration("10s")).isEqualTo(Duration.ofSeconds(10));
    assertThat(RealBenchCommand.parseDuration("500ms")).isEqualTo(Duration.ofMillis(500));
    assertThat(RealBenchCommand.parseDuration("1.5s")).isEqualTo(Duration.ofMillis(1_500));
    assertThat(RealBenchCommand.parseDuration("2m")).isEqualTo(Duration.ofMinutes(2));
    assertThat(RealBenchCommand.parseCount("150K")).isEqualTo(150_000);
    assertThat(RealBenchCommand.parseCount("1M")).isEqualTo(1_000_000);
    assertThat(RealBenchCommand.parseCount("2000")).isEqualTo(2_000);
  }
}
