package io.detsim.cli;

import static io.detsim.cli.Cli.detsim;
import static org.assertj.core.api.Assertions.assertThat;

import io.detsim.replay.file.FailureFile;
import io.detsim.replay.file.FailureFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code detsim replay} and {@code detsim shrink} on a saved failure, and on files that are not one. */
class ReplayAndShrinkCommandTest {
  @TempDir
  static Path folder;

  private static Path saved;

  @BeforeAll
  static void saveAFailure() {
    // Start seed 3: its first try fails (measured; start seeds 0, 1 and 2 pass theirs).
    Cli.Result fuzz = detsim("fuzz", "--mutant", "steal-single-items", "--start-seed", "3", "--seeds", "1",
        "--shrink-attempts", "5", "--corpus", folder.toString());
    assertThat(fuzz.exit()).isEqualTo(1);
    saved = Path.of(fuzz.line("replay: ").substring("replay: ./detsim replay ".length()));
  }

  @Test
  void around_printsEventsBeforeAndAfterTheViolation() {
    Cli.Result result = detsim("replay", saved.toString(), "--around", "3");
    assertThat(result.exit()).isEqualTo(1);
    int marker = result.outLines().indexOf(result.line("  --- violation: SEQUENCE_VIOLATION at "));
    assertThat(result.outLines().subList(marker - 3, marker)).allSatisfy(line -> assertThat(line).startsWith("  "));
    assertThat(result.outLines()).last().isEqualTo("REPRODUCED");
  }

  @Test
  void html_writesASelfContainedTimelineAndTrace_writesJsonLines() throws IOException {
    Path page = folder.resolve("timeline.html");
    Path trace = folder.resolve("replay.jsonl");
    Cli.Result result = detsim("replay", saved.toString(), "--html", page.toString(), "--trace", trace.toString());
    assertThat(result.exit()).isEqualTo(1);
    assertThat(result.line("timeline: ")).isEqualTo("timeline: " + page);
    assertThat(result.outLines()).last().isEqualTo("REPRODUCED");
    assertThat(Files.readString(page)).startsWith("<!DOCTYPE html>").contains("SEQUENCE_VIOLATION")
        .doesNotContain("<script src=");
    assertThat(Files.readAllLines(trace)).hasSizeGreaterThan(100);
  }

  @Test
  void replay_ofAPassingEdit_saysFixedAndExitsZero() throws IOException {
    FailureFile recorded = FailureFiles.read(saved);
    Path edited = folder.resolve("edited.detsim");
    FailureFiles.write(edited, new FailureFile(recorded.format(), recorded.detsimVersion(), recorded.scenario(),
        recorded.seed(), recorded.choices(), recorded.input(), java.util.Set.of(), recorded.violation(),
        recorded.digest(), recorded.originalSize(), recorded.shrunkSize()));
    Cli.Result result = detsim("replay", edited.toString());
    assertThat(result.exit()).isZero();
    assertThat(result.line("now:")).endsWith("verdict: PASS");
    assertThat(result.outLines()).last().isEqualTo("FIXED");
  }

  @Test
  void badFile_isOneLineNamingFileAndLineAndExitsTwo() throws IOException {
    Path bad = folder.resolve("bad.detsim");
    Files.writeString(bad, "format: 1\nnonsense here\n");
    Cli.Result result = detsim("replay", bad.toString());
    assertThat(result.exit()).isEqualTo(2);
    assertThat(result.errLines()).singleElement().asString().startsWith("detsim: " + bad + ":2");
  }

  @Test
  void missingFile_isOneLineAndExitsTwo() {
    Cli.Result result = detsim("replay", folder.resolve("absent.detsim").toString());
    assertThat(result.exit()).isEqualTo(2);
    assertThat(result.errLines()).singleElement().asString().contains("absent.detsim").contains("no such");
  }

  @Test
  void shrink_ofAFileThatNoLongerFails_isRefusedWithExitTwo() throws IOException {
    FailureFile recorded = FailureFiles.read(saved);
    Path fixed = folder.resolve("fixed.detsim");
    FailureFiles.write(fixed, new FailureFile(recorded.format(), recorded.detsimVersion(), recorded.scenario(),
        recorded.seed(), recorded.choices(), recorded.input(), java.util.Set.of(), recorded.violation(),
        recorded.digest(), recorded.originalSize(), recorded.shrunkSize()));
    Cli.Result result = detsim("shrink", fixed.toString());
    assertThat(result.exit()).isEqualTo(2);
    assertThat(result.errLines()).singleElement().asString().contains(fixed.toString())
        .contains("no longer fails (replay says FIXED)");
    assertThat(fixed.resolveSibling("fixed.shrunk.detsim")).doesNotExist();
  }

  @Test
  void shrink_keepsAHandEdit_shrinksItFurther_andWritesBesideTheOriginal() throws IOException {
    // Two hand edits: an extra fault the failure does not need (the shrinker must delete it), and a
    // swarm knob no choice sequence regenerates here (it must survive: regenerating from the
    // choices would bring back the recorded value; the shrinker may make its numerator smaller,
    // but the denominator 999983 is nothing a generator draws).
    String original = Files.readString(saved);
    String edited = original.replaceFirst("duplicate: [0-9]+/[0-9]+", "duplicate: 1/999983") + "7s restart server\n";
    Path file = folder.resolve("edited-by-hand.detsim");
    Files.writeString(file, edited);
    assertThat(detsim("replay", file.toString()).exit()).as("the edit still fails").isEqualTo(1);
    Cli.Result result = detsim("shrink", file.toString(), "--shrink-attempts", "30");
    assertThat(result.exit()).as(result.err()).isZero();
    Path shrunk = folder.resolve("edited-by-hand.shrunk.detsim");
    assertThat(result.line("wrote: ")).isEqualTo("wrote: " + shrunk);
    assertThat(result.line("shrunk: ")).contains("the input as edited");
    assertThat(Files.readString(file)).isEqualTo(edited);
    String text = Files.readString(shrunk);
    assertThat(text).containsPattern("duplicate: [01]/999983").doesNotContain("7s restart server");
    assertThat(detsim("replay", shrunk.toString()).outLines()).last().isEqualTo("REPRODUCED");
  }

  @Test
  void shrink_writesToOutputAndTheResultReproduces() {
    Path out = folder.resolve("shrunk.detsim");
    Cli.Result result = detsim("shrink", saved.toString(), "-o", out.toString(), "--shrink-attempts", "20");
    assertThat(result.exit()).isZero();
    assertThat(result.line("wrote: ")).isEqualTo("wrote: " + out);
    assertThat(FailureFiles.read(out).shrunkSize()).isLessThanOrEqualTo(FailureFiles.read(saved).shrunkSize());
    assertThat(detsim("replay", out.toString()).outLines()).last().isEqualTo("REPRODUCED");
  }
}
