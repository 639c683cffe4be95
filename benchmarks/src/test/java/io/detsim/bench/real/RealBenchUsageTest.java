package io.detsim.bench.real;

import static org.assertj.core.api.Assertions.assertThat;

import io.detsim.cli.Detsim;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every bad value of {@code detsim bench real} is one line on stderr and exit 2, found before any
 * point runs: nothing reaches stdout (not even the table's header), so no engine was started.
 * Before, a bad batch or capacity was a stack trace and exit 3, and an unwritable --out was found
 * only after the whole sweep had run.
 */
class RealBenchUsageTest {
  @TempDir
  static Path folder;

  static Stream<List<String>> badArguments() throws IOException {
    Path file = Files.writeString(folder.resolve("a-file"), "not a folder");
    return Stream.of(
        List.of("--rates", "0"),
        List.of("--rates", "-5K"),
        List.of("--rates", "fast"),
        List.of("--workers", "0"),
        List.of("--workers", "65"),
        List.of("--dim", "0"),
        List.of("--dim", "1000000"),
        List.of("--duration", "0s"),
        List.of("--duration", "soon"),
        List.of("--warmup", "-1s"),
        List.of("--batch", "abc"),
        List.of("--batch", "0"),
        List.of("--capacity", "3000000000"),
        List.of("--capacity", "0"),
        List.of("--spaces", "0"),
        List.of("--recalls", "-1"),
        List.of("--compact-after", "x"),
        List.of("--transport", "carrier-pigeon"),
        List.of("--out", file.resolve("results").toString()));
  }

  @ParameterizedTest
  @MethodSource("badArguments")
  void aBadValue_isOneLineOnStderr_andExit2_beforeAnythingRuns(List<String> bad) {
    List<String> args = new ArrayList<>(List.of("bench", "real"));
    args.addAll(bad);
    if (!bad.contains("--out")) { // were a good value not refused first, the run would write here
      args.addAll(List.of("--out", folder.resolve("out").toString()));
    }
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();

    int exit = Detsim.execute(new PrintWriter(out), new PrintWriter(err), args.toArray(String[]::new));

    assertThat(exit).as("exit code for %s; stderr: %s", bad, err).isEqualTo(2);
    assertThat(err.toString().lines().toList()).as("stderr for %s", bad).hasSize(1);
    assertThat(err.toString()).startsWith("detsim: ").contains(bad.get(0));
    assertThat(out.toString()).as("stdout for %s", bad).isEmpty();
  }
}
