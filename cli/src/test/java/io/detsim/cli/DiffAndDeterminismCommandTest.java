package io.detsim.cli;

import static io.detsim.cli.Cli.detsim;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code detsim diff} on recorded traces, and {@code detsim check-determinism} across two JVMs. */
class DiffAndDeterminismCommandTest {
  @TempDir
  Path folder;

  @Test
  void diff_ofTwoRecordingsOfOneSeed_isIdenticalAndExitsZero() {
    Path a = trace("a.jsonl", "5");
    Path b = trace("b.jsonl", "5");
    Cli.Result result = detsim("diff", a.toString(), b.toString());
    assertThat(result.exit()).isZero();
    assertThat(result.out()).startsWith("identical: ");
  }

  @Test
  void diff_ofTwoSeeds_namesTheFirstDifferingEventWithContextAndExitsOne() {
    Path a = trace("a.jsonl", "5");
    Path b = trace("b.jsonl", "6");
    Cli.Result result = detsim("diff", a.toString(), b.toString(), "--context", "2");
    assertThat(result.exit()).isEqualTo(1);
    assertThat(result.line("traces differ at event ")).contains("virtual time");
    assertThat(result.outLines()).anySatisfy(line -> assertThat(line).startsWith("  A>"))
        .anySatisfy(line -> assertThat(line).startsWith("  B>"));
  }

  @Test
  void diff_ofAMalformedTrace_isOneLineNamingFileAndLine() throws IOException {
    Path a = trace("a.jsonl", "5");
    Path bad = Files.writeString(folder.resolve("bad.jsonl"), Files.readAllLines(a).get(0) + "\nnot json\n");
    Cli.Result result = detsim("diff", a.toString(), bad.toString());
    assertThat(result.exit()).isEqualTo(2);
    assertThat(result.errLines()).singleElement().asString().startsWith("detsim: " + bad + ":2");
  }

  @Test
  void checkDeterminism_agreesInThisJvmAndAFreshOne() {
    Cli.Result result = detsim("check-determinism", "clock_skew", "--seeds", "1");
    assertThat(result.exit()).as(result.out() + result.err()).isZero();
    assertThat(result.line("seed 0x")).endsWith("again in this JVM same, in a fresh JVM same");
    assertThat(result.outLines()).last().asString().startsWith("deterministic: 1 seeds of clock_skew");
  }

  private Path trace(String name, String seed) {
    Path file = folder.resolve(name);
    assertThat(detsim("run", "clock_skew", "--seed", seed, "--trace", file.toString()).exit()).isZero();
    return file;
  }
}
