package io.detsim.bench.real;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * The gRPC transport of {@code bench real}, briefly and at a low rate: every observation offered over
 * the wire is accounted for (ACCEPTED or REJECTED, none failed, none unanswered). Behaviour only: no
 * figure of time is checked, the machine may be as slow as it likes.
 */
class GrpcTransportTest {
  @TempDir
  Path folder;

  @Test
  void overGrpc_everyOfferedObservation_isAcceptedOrRejected_andNoneIsLost() throws Exception {
    // No warm-up, so every observation of the run is in the measured tally: 400 of them.
    RunSettings settings = new RunSettings(0, 1_000_000_000L, 4, 0, 60_000_000_000L, 1, RunSettings.ENGINE_DEFAULT);
    BenchPoint point = new BenchPoint(400, 1, BenchPoint.ADAPTIVE, BenchPoint.DEFAULT_CAPACITY, 16, Transport.GRPC);

    PointResult result = new PointRunner(settings).run(point);

    assertThat(result.failure()).isNull();
    LoadTally load = result.load();
    assertThat(load.offered()).isEqualTo(400);
    assertThat(load.failedTotal()).isZero();
    assertThat(load.unansweredTotal()).isZero();
    assertThat(load.acceptedTotal() + load.overCapacity() + load.otherRefusals()).isEqualTo(load.offered());
    assertThat(load.acceptedLatency().getTotalCount()).isEqualTo(load.acceptedTotal()); // each ACCEPTED timed once
    assertThat(load.acceptedTotal()).isPositive();
  }

  @Test
  void both_runsEachPointEmbeddedThenOverGrpc_andPrintsTheirRatio() {
    StringWriter out = new StringWriter();
    CommandLine command = new CommandLine(new RealBenchCommand());
    command.setOut(new PrintWriter(out));
    int exit = command.execute("--transport", "both", "--rates", "300", "--workers", "1", "--dim", "16",
        "--duration", "1s", "--warmup", "0s", "--spaces", "2", "--recalls", "0", "--grace", "60s",
        "--out", folder.toString());

    assertThat(exit).isZero();
    List<String> lines = out.toString().lines().toList();
    assertThat(lines).anyMatch(line -> line.startsWith("| transport | rate/s |"));
    assertThat(lines).anyMatch(line -> line.startsWith("| embedded | 300 |"));
    assertThat(lines).anyMatch(line -> line.startsWith("| grpc | 300 |"));
    assertThat(lines).anyMatch(line -> line.startsWith(TransportComparison.HEADER));
    String comparison = lines.stream().filter(line -> line.startsWith("| 300 |")).findFirst().orElseThrow();
    assertThat(comparison.split("\\|")).hasSize(20);
    assertThat(folder.resolve("r300-w1-badaptive-cdefault-d16.hgrm")).exists();
    assertThat(folder.resolve("r300-w1-badaptive-cdefault-d16-grpc.hgrm")).exists();
  }

  @Test
  void embedded_byDefault_keepsTheTableItAlwaysHad() {
    RealBenchCommand options = new RealBenchCommand();
    new CommandLine(options).parseArgs("--rates", "10K,50K");
    assertThat(options.points()).extracting(BenchPoint::transport).containsOnly(Transport.EMBEDDED);
    assertThat(ResultsTable.withTransport(options.points())).isFalse();
    assertThat(ResultsTable.header(false)).isEqualTo(ResultsTable.HEADER);
  }
}
