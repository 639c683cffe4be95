package io.detsim.replay.file;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.detsim.properties.scenario.BadTextException;
import io.detsim.properties.core.ChoiceSequence;
import io.detsim.sim.fault.FaultSchedule;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The text form of failure files: exact round trips, and one-line errors that point at the line. */
class FailureFilesTest {
  private static final String NAME = "x.detsim";

  @Test
  void format_printsTheDocumentedLines() {
    assertThat(FailureFileSamples.sampleText()).isEqualTo(String.join("\n",
        "# detsim failure file: edit [input] and [schedule] below; `./detsim replay FILE` runs them as written",
        "format: 1",
        "detsim: dev",
        "scenario: swarm",
        "seed: 0x0e49d524d3a854e5",
        "mutants: ack-before-sync",
        "violation: SILENT_DROP at 32s: 47 observations neither ACCEPTED nor REJECTED",
        "digest: 0x61e086cc04301834",
        "size: original 64, shrunk 26",
        "choices: v1 0 1 0 12",
        "[input]",
        "simulation seed: 0x5f3a1",
        "engine: 2 workers, queue default",
        "swarm: CRASH, LOSS",
        "loss: 1/250",
        "duplicate: 0/1",
        "reorder: 0/1",
        "torn writes: 0/1",
        "client client-0: 50 observations into space-0 at 500/s, mixed priorities",
        "[schedule]",
        "# detsim fault schedule v1",
        "12ms crash server",
        "13ms restart server",
        ""));
  }

  @Test
  void parse_ofFormat_givesAnEqualFile() {
    FailureFile sample = FailureFileSamples.sample();
    assertThat(FailureFiles.parse(FailureFiles.format(sample), NAME)).isEqualTo(sample);
  }

  @Test
  void roundTrip_keepsSeveralMutants_negativeSeeds_andAMultiLineDetailAsOneLine() {
    FailureFile sample = FailureFileSamples.sample();
    FailureFile edited = new FailureFile(1, "0.1.0-SNAPSHOT", "clock_skew", -1L, ChoiceSequence.EMPTY, sample.input(),
        java.util.Set.of("torn-tail-not-cut", "ack-before-sync"),
        new FailureFile.RecordedViolation("CRASH", 1_500L, "AssertionError: broken\n  at line 3"), Long.MIN_VALUE,
        0, 0);
    String text = FailureFiles.format(edited);
    assertThat(text).contains("mutants: ack-before-sync, torn-tail-not-cut\n")
        .contains("violation: CRASH at 1.5us: AssertionError: broken | at line 3\n")
        .contains("seed: 0xffffffffffffffff\n").contains("digest: 0x8000000000000000\n").contains("choices: v1\n");
    assertThat(FailureFiles.parse(text, NAME)).isEqualTo(edited);
  }

  @Test
  void parse_acceptsCommentsBlankLines_fieldsInAnyOrder_andEnumMutantNames() {
    List<String> lines = lines();
    lines.set(5, "mutants: ACK_BEFORE_SYNC");
    String swapped = lines.get(1);
    lines.set(1, lines.get(3));
    lines.set(3, swapped);
    lines.add(11, "");
    lines.add(12, "# the seed is the simulation's own");
    assertThat(FailureFiles.parse(String.join("\n", lines), NAME)).isEqualTo(FailureFileSamples.sample());
  }

  @Test
  void writeThenRead_givesTheFileBack_andLeavesNoTemporaryFile(@TempDir Path directory) throws Exception {
    Path path = directory.resolve("nested/a.detsim");
    FailureFiles.write(path, FailureFileSamples.sample());
    FailureFiles.write(path, FailureFileSamples.sample()); // replaces the file whole
    assertThat(FailureFiles.read(path)).isEqualTo(FailureFileSamples.sample());
    try (Stream<Path> files = Files.list(path.getParent())) {
      assertThat(files.map(p -> p.getFileName().toString())).containsExactly("a.detsim");
    }
  }

  @Test
  void read_ofABadFile_namesThePath_andWritesNothing(@TempDir Path directory) throws Exception {
    Path path = directory.resolve("bad.detsim");
    Files.writeString(path, "format: 9\n");
    assertThatThrownBy(() -> FailureFiles.read(path)).isInstanceOf(BadTextException.class)
        .hasMessage(path + ":1:9: format 9 is from a newer detsim; this one (" + DetsimVersion.current()
            + ") reads format 1");
    try (Stream<Path> files = Files.list(directory)) {
      assertThat(files).containsExactly(path);
    }
    assertThat(Files.readString(path)).isEqualTo("format: 9\n");
  }

  @Test
  void unknownField_saysItMayComeFromANewerDetsim() {
    List<String> lines = lines();
    lines.add(3, "flavour: mint");
    assertError(lines, "x.detsim:4:1: unknown field 'flavour' (from a newer detsim? this one reads format 1 "
        + "with fields "
        + "format, detsim, scenario, seed, mutants, violation, digest, size, choices)");
  }

  @Test
  void unknownInputField_isNamedWithTheKnownOnes() {
    List<String> lines = lines();
    lines.add(12, "partitions: 3");
    assertError(lines, "x.detsim:13:1: unknown field 'partitions' in [input]; known: simulation seed, engine, swarm, "
        + "loss, duplicate, reorder, torn writes, client NAME");
  }

  @Test
  void newerFormat_isRefusedAsSuch_beforeItsUnknownFields() {
    List<String> lines = lines();
    lines.set(1, "format: 2");
    lines.add(3, "flavour: mint");
    assertError(lines, "x.detsim:2:9: format 2 is from a newer detsim; this one (" + DetsimVersion.current()
        + ") reads format 1");
  }

  @Test
  void olderOrMalformedFormat_isRefused() {
    List<String> lines = lines();
    lines.set(1, "format: 0");
    assertError(lines, "x.detsim:2:9: format 0 is not supported; this detsim reads format 1");
    lines.set(1, "format: one");
    assertError(lines, "x.detsim:2:9: expected a format version like 1, found 'one'");
  }

  @Test
  void notAFailureFile_atAll() {
    assertError(List.of("hello: world"), "x.detsim:1: missing field 'format': not a detsim failure file, or cut short");
    assertError(List.of(), "x.detsim:1: missing field 'format': not a detsim failure file, or cut short");
  }

  @Test
  void truncatedFile_saysWhichSectionIsMissing() {
    assertError(lines().subList(0, 8), "x.detsim:8: missing section [input] (is the file cut short?)");
    assertError(lines().subList(0, 16), "x.detsim:16: missing section [schedule] (is the file cut short?)");
  }

  @Test
  void missingFields_areNamed_atTheEndOfTheirSection() {
    List<String> lines = lines();
    lines.remove(7); // digest
    assertError(lines, "x.detsim:10: missing field 'digest'");
    lines = lines();
    lines.remove(16); // reorder
    assertError(lines, "x.detsim:19: missing field 'reorder' in [input]");
  }

  @Test
  void duplicateFields_areRefused() {
    List<String> lines = lines();
    lines.add(5, "seed: 0x1");
    assertError(lines, "x.detsim:6:1: field 'seed' given twice (first on line 5)");
    lines = lines();
    lines.add(19, "client client-0: 9 observations into space-9 at 9/s");
    assertError(lines, "x.detsim:20:1: client client-0 given twice (first on line 19)");
  }

  @Test
  void malformedValues_pointAtTheValue() {
    assertLine(4, "seed: 0xZZ", "x.detsim:5:7: expected 0x and 1 to 16 hex digits for 'seed', found '0xZZ'");
    assertLine(4, "seed: 0x1234567890abcdef0",
        "x.detsim:5:7: expected 0x and 1 to 16 hex digits for 'seed', found '0x1234567890abcdef0'");
    assertLine(7, "digest: 12", "x.detsim:8:9: expected 0x and 1 to 16 hex digits for 'digest', found '12'");
    assertLine(5, "mutants: ACK_BEFORE_SYNC, FLAKY", "x.detsim:6:27: unknown mutant 'FLAKY' of scenario 'swarm';"
        + " known: ack-before-sync, session-state-not-recovered, steal-single-items, reverse-degree-unbounded,"
        + " generation-filter-ignored, duplicates-as-gaps, torn-tail-not-cut, full-lane-drops-silently,"
        + " ack-before-apply, compaction-deletes-early, snapshot-installed-before-sync,"
        + " group-commit-covers-late-appends, recovery-rolls-forward, held-count-leaks,"
        + " recall-page-drops-last, recall-skips-nearest, pressure-drop-unannounced, recall-ids-shifted,"
        + " duplicate-acked-in-flight, lease-never-armed, high-after-normal,"
        + " visible-generation-not-restored, drain-closes-early (or none)");
    assertLine(13, "swarm: CRASH, QUAKE", "x.detsim:14:15: unknown fault kind 'QUAKE'; known: CRASH, PAUSE, KILL, "
        + "PARTITION, CLOG, DELAY, LOSS, DUPLICATE, REORDER, CLOCK_SKEW, DISK, BURST, BUGGIFY, SHUFFLE_TIES (or none)");
    assertLine(14, "loss: 0.5", "x.detsim:15:7: expected a ratio like 1/100 for 'loss', found '0.5'");
    assertLine(14, "loss: 3/2", "x.detsim:15:7: '3/2' is not a probability: a ratio needs 0 <= numerator <= "
        + "denominator and denominator > 0: 3/2");
    assertLine(12, "engine: 0 workers, queue default",
        "x.detsim:13:9: expected a whole number of at least 1, found '0'");
    assertLine(12, "engine: two workers", "x.detsim:13:9: expected like '2 workers, queue default' or "
        + "'1 worker, queue 400, dimension 32, compaction every 500 records', found 'two workers'");
    assertLine(12, "engine: 1 worker, queue default, dimension 0",
        "x.detsim:13:44: expected a whole number of at least 1, found '0'");
    assertLine(18, "client client-0: 50 into space-0", "x.detsim:19:18: expected like '120 observations into space-0 "
        + "at 900/s, mixed priorities, recall probe', found '50 into space-0'");
    assertLine(6, "violation: SILENT_DROP at soon: lost", "x.detsim:7:27: bad violation time: "
        + durationError("soon"));
    assertLine(6, "violation: 42 at 1s: lost", "x.detsim:7:12: expected like 'SILENT_DROP at 2.345s: what happened',"
        + " found '42 at 1s: lost'");
    assertLine(8, "size: 64 -> 26", "x.detsim:9:7: expected like 'original 14, shrunk 3', found '64 -> 26'");
    assertLine(9, "choices: 0 1 2", "x.detsim:10:10: bad choice sequence: not a choice sequence: expected 'v1' at "
        + "character 0 but found '0'");
    assertLine(3, "scenario: swam", "x.detsim:4:11: unknown scenario 'swam'; known: " + String.join(", ",
        io.detsim.scenarios.engine.EngineScenarios.all().stream().map(s -> s.name()).toList()));
    assertLine(2, "detsim", "x.detsim:3:1: expected 'name: value', found 'detsim'");
  }

  @Test
  void badScheduleLine_isReportedAtItsLineInTheFile() {
    String scheduleError = scheduleError("# detsim fault schedule v1\n12ms crash server\n13ms reboot server\n");
    assertLine(22, "13ms reboot server", "x.detsim:23:" + scheduleError);
    assertLine(20, "# detsim fault schedule v7", "x.detsim:21:"
        + scheduleError("# detsim fault schedule v7\n"));
  }

  /** {@code column: reason} of the schedule parser's own error for {@code text}, whose error is on its last line. */
  private static String scheduleError(String text) {
    try {
      FaultSchedule.parse(text);
    } catch (io.detsim.sim.fault.ScheduleParseException expected) {
      return expected.column() + ": " + expected.reason();
    }
    throw new AssertionError("parses: " + text);
  }

  private static String durationError(String text) {
    try {
      io.detsim.sim.fault.Durations.parse(text);
    } catch (IllegalArgumentException expected) {
      return expected.getMessage();
    }
    throw new AssertionError("parses: " + text);
  }

  private static List<String> lines() {
    return new ArrayList<>(FailureFileSamples.sampleText().lines().toList());
  }

  private static void assertLine(int index, String replacement, String message) {
    List<String> lines = lines();
    lines.set(index, replacement);
    assertError(lines, message);
  }

  private static void assertError(List<String> lines, String message) {
    assertThatThrownBy(() -> FailureFiles.parse(String.join("\n", lines), NAME))
        .isInstanceOf(BadTextException.class).hasMessage(message)
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
  }
}
