package io.detsim.cli;

import static io.detsim.cli.Cli.detsim;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 12's bad inputs: each was an exit 3 with a stack trace, a silent run for days, an engine
 * "crash" or an unclear word. Each must be one line on stderr, naming the file (with its line and
 * column where it has them) and what was expected, and exit 2.
 */
class BadInputsTest {
  @TempDir
  static Path folder;

  private static String good;

  @BeforeAll
  static void readAGoodFile() throws IOException {
    good = Files.readString(Path.of("..", "replay", "src", "test", "resources", "detsim-corpus",
        "steal-single-items.detsim"), StandardCharsets.UTF_8);
    assertThat(good).contains("engine: ").contains("[schedule]\n# detsim fault schedule v1\n");
  }

  @Test
  void workersBeyondTheEnginesBound_isTheFilesErrorAtItsColumn() throws IOException {
    Path file = write("workers.detsim", good.replaceFirst("engine: [0-9]+ workers?", "engine: 100000 workers"));
    assertOneLine(replay(file), file + ":" + lineOf("engine: ") + ":9: expected 1 to 64 workers");
  }

  @Test
  void misspelledActor_isTheFilesErrorNotAnEngineCrash() throws IOException {
    Path file = write("actor.detsim", good + "1s kill server/worker-99\n");
    assertOneLine(replay(file), file + ":" + lines(good + "x") + ":9: unknown actor 'server/worker-99'");
  }

  @Test
  void misspelledNode_namesTheNodesThereAre() throws IOException {
    Path file = write("node.detsim", good + "1s crash sever\n");
    assertOneLine(replay(file), file + ":" + lines(good + "x") + ":10: unknown node 'sever'; this input has: server");
  }

  @Test
  void faultPastTheSimulatedTimeBound_isAnErrorAtItsLine() throws IOException {
    Path file = write("late.detsim", good + "100000000s crash server\n");
    assertOneLine(replay(file), file + ":" + lines(good + "x") + ":1: fault at 100000000s is past the simulated-time"
        + " bound of 60m");
  }

  @Test
  void maxSimulatedTime_movesTheBoundBothWays() throws IOException {
    Path file = write("three-seconds.detsim", good + "3s restart server\n");
    assertOneLine(replay(file, "--max-simulated-time", "2s"), file + ":" + lines(good + "x") + ":1: fault at 3s");
    // A run longer than the bound is stopped between events, with one line, not run to its end.
    Cli.Result stopped = replay(write("plain.detsim", good), "--max-simulated-time", "500ms");
    assertOneLine(stopped, "the run passed its simulated-time bound of 500ms");
  }

  @Test
  void byteOrderMark_isNamed() throws IOException {
    Path file = folder.resolve("bom.detsim");
    Files.write(file, concat(new byte[] {(byte) 0xef, (byte) 0xbb, (byte) 0xbf}, good.getBytes(StandardCharsets.UTF_8)));
    assertOneLine(replay(file), file + ":1:1: the file starts with a UTF-8 byte order mark (BOM)");
  }

  @Test
  void binaryFile_saysItIsNotText_notInputLength() throws IOException {
    Path file = folder.resolve("binary.detsim");
    Files.write(file, new byte[] {'f', 'o', 'r', 'm', 'a', 't', '\n', (byte) 0xff, 0, 1});
    Cli.Result result = replay(file);
    assertOneLine(result, file + ":2:1: byte 0xff at offset 7 is not UTF-8 text");
    assertThat(result.err()).doesNotContain("Input length");
  }

  @Test
  void folder_isCalledAFolder() throws IOException {
    Path file = Files.createDirectories(folder.resolve("folder.detsim"));
    assertOneLine(replay(file), file + ": is a folder; expected a failure file (.detsim)");
  }

  @Test
  void fileCutOffAfterItsScheduleHeader_isAnErrorNotFixed() throws IOException {
    int schedule = good.indexOf("\n[schedule]\n") + 1;
    Path file = write("cut.detsim", good.substring(0, schedule + "[schedule]\n".length()));
    assertOneLine(replay(file), file + ":" + lines(good.substring(0, schedule) + "x")
        + ": expected '# detsim fault schedule v1' after [schedule]: the file is cut short");
  }

  @Test
  void corpusThatIsAFile_orCannotBeCreated_isAUsageError() throws IOException {
    Path file = write("not-a-folder", "x");
    assertOneLine(detsim("fuzz", "multi_client", "--seeds", "1", "--corpus", file.toString()),
        "--corpus " + file + ": is a file; expected a folder");
    Path under = file.resolve("sub");
    assertOneLine(detsim("fuzz", "multi_client", "--seeds", "1", "--corpus", under.toString()),
        "--corpus " + under + ": cannot write there");
  }

  @Test
  void jobsBeyondTheBound_isAUsageError() {
    assertOneLine(detsim("fuzz", "--seeds", "1", "--jobs", "2147483647", "--corpus", folder.resolve("j").toString()),
        "--jobs must be from 1 to 1024: 2147483647");
  }

  private static Cli.Result replay(Path file, String... more) {
    String[] args = new String[2 + more.length];
    args[0] = "replay";
    args[1] = file.toString();
    System.arraycopy(more, 0, args, 2, more.length);
    return detsim(args);
  }

  private static void assertOneLine(Cli.Result result, String expectedStart) {
    assertThat(result.exit()).as(result.err()).isEqualTo(2);
    assertThat(result.errLines()).singleElement().asString().startsWith("detsim: " + expectedStart);
  }

  private static Path write(String name, String text) throws IOException {
    return Files.writeString(folder.resolve(name), text, StandardCharsets.UTF_8);
  }

  private static int lineOf(String prefix) {
    return good.lines().toList().indexOf(good.lines().filter(line -> line.startsWith(prefix)).findFirst()
        .orElseThrow()) + 1;
  }

  private static int lines(String text) {
    return (int) text.lines().count();
  }

  private static byte[] concat(byte[] first, byte[] second) {
    byte[] both = new byte[first.length + second.length];
    System.arraycopy(first, 0, both, 0, first.length);
    System.arraycopy(second, 0, both, first.length, second.length);
    return both;
  }
}
