package io.detsim.cli;

import static io.detsim.cli.Cli.detsim;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code detsim run}: one seed, its digest and its verdict; the same every time; a trace on request. */
class RunCommandTest {
  @TempDir
  Path folder;

  @Test
  void passingSeed_printsDigestAndPassAndExitsZero() {
    Cli.Result result = detsim("run", "clock_skew", "--seed", "0x5");
    assertThat(result.exit()).isZero();
    assertThat(result.line("digest: ")).matches("digest: 0x[0-9a-f]{16}");
    assertThat(result.line("verdict: ")).isEqualTo("verdict: PASS");
  }

  @Test
  void sameSeed_givesTheSameDigest() {
    String first = detsim("run", "clock_skew", "--seed", "5").line("digest: ");
    String second = detsim("run", "clock_skew", "--seed", "0x0000000000000005").line("digest: ");
    String other = detsim("run", "clock_skew", "--seed", "6").line("digest: ");
    assertThat(second).isEqualTo(first);
    assertThat(other).isNotEqualTo(first);
  }

  @Test
  void failingSeed_printsFailWithTheViolationAndExitsOne() {
    // Seed 3 with steal-single-items fails in swarm (measured: seeds 1 and 2 pass, 3, 4 and 5 fail).
    Cli.Result result = detsim("run", "swarm", "--seed", "3", "--mutant", "steal-single-items");
    assertThat(result.exit()).isEqualTo(1);
    assertThat(result.line("verdict: ")).startsWith("verdict: FAIL SEQUENCE_VIOLATION at ");
  }

  @Test
  void trace_writesOneJsonLinePerEventWithoutChangingTheDigest() throws IOException {
    Path trace = folder.resolve("run.jsonl");
    Cli.Result traced = detsim("run", "clock_skew", "--seed", "5", "--trace", trace.toString());
    assertThat(traced.exit()).isZero();
    List<String> lines = Files.readAllLines(trace);
    assertThat(lines).hasSizeGreaterThan(100).allSatisfy(line -> assertThat(line).startsWith("{\"t\":").endsWith("}"));
    assertThat(traced.line("digest: ")).isEqualTo(detsim("run", "clock_skew", "--seed", "5").line("digest: "));
  }
}
