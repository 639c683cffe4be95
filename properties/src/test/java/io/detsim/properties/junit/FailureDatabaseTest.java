package io.detsim.properties.junit;

import static io.detsim.properties.junit.DetsimTestEngineTest.onlyFailureMessage;
import static io.detsim.properties.junit.DetsimTestEngineTest.reportEntries;
import static io.detsim.properties.junit.DetsimTestEngineTest.run;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectMethod;

import io.detsim.properties.core.ChoiceSequence;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.testkit.engine.EngineExecutionResults;

class FailureDatabaseTest {
  private static final String FAILING_KEY = FailingFixture.class.getName() + "#belowLimit";
  private static final String PASSING_KEY = PassingFixture.class.getName() + "#longsBelow5000";

  @TempDir
  Path directory;

  @BeforeEach
  void resetFixtures() {
    PassingFixture.reset();
  }

  private Map<String, String> withDatabase(String... more) {
    Map<String, String> parameters = new LinkedHashMap<>();
    parameters.put(Settings.DATABASE, directory.toString());
    for (int i = 0; i < more.length; i += 2) {
      parameters.put(more[i], more[i + 1]);
    }
    return parameters;
  }

  private static List<String> sequencesIn(Path file) throws Exception {
    return Files.readAllLines(file).stream().filter(line -> !line.startsWith("#")).collect(Collectors.toList());
  }

  @Test
  void failure_isStoredShrunk_andReplayedFirstOnTheNextRun() throws Exception {
    Path file = directory.resolve(FAILING_KEY + ".choices");

    String first = onlyFailureMessage(run(withDatabase(), selectClass(FailingFixture.class)));
    assertThat(sequencesIn(file)).containsExactly("v1 1234");
    assertThat(first).contains("database:   stored in " + file + ", replayed first on the next run");

    String second = onlyFailureMessage(run(withDatabase(Settings.TRIES, "0"), selectClass(FailingFixture.class)));
    assertThat(second).contains("input:      1234")
        .contains("database:   already in " + file + ", replayed first on the next run")
        .contains("seed:       none: a stored failure of " + file + ", replayed before the random tries");
    assertThat(sequencesIn(file)).containsExactly("v1 1234");
  }

  @Test
  void storedFailureThatPassesNow_isKept_andReportedAsPassing() throws Exception {
    Path file = directory.resolve(PASSING_KEY + ".choices");
    Files.writeString(file, "v1 3\n");

    EngineExecutionResults results = run(withDatabase(Settings.TRIES, "5"),
        selectMethod(PassingFixture.class, "longsBelow5000"));

    results.testEvents().assertStatistics(stats -> stats.succeeded(1));
    assertThat(PassingFixture.LONGS_SEEN).hasSize(6).first().isEqualTo(3L);
    assertThat(reportEntries(results).get("detsim.database"))
        .isEqualTo("1 stored failure replayed from " + file + ": it passes now (kept)");
    assertThat(Files.readString(file)).isEqualTo("v1 3\n");
  }

  @Test
  void malformedFile_isIgnoredWithAWarningNamingTheFileAndLine() throws Exception {
    Path file = directory.resolve(PASSING_KEY + ".choices");
    Files.writeString(file, "v1 3\nnot a sequence\n");

    EngineExecutionResults results = run(withDatabase(Settings.TRIES, "2"),
        selectMethod(PassingFixture.class, "longsBelow5000"));

    results.testEvents().assertStatistics(stats -> stats.succeeded(1));
    assertThat(reportEntries(results).get("detsim.warning"))
        .startsWith("detsim: ignoring line 2 of failure database file " + file + ": not a choice sequence");
    assertThat(PassingFixture.LONGS_SEEN).hasSize(3).first().isEqualTo(3L);
  }

  @Test
  void unreadableFile_isAWarning_notACrash() throws Exception {
    Files.createDirectories(directory.resolve(PASSING_KEY + ".choices"));

    EngineExecutionResults results = run(withDatabase(Settings.TRIES, "2"),
        selectMethod(PassingFixture.class, "longsBelow5000"));

    results.testEvents().assertStatistics(stats -> stats.succeeded(1));
    assertThat(reportEntries(results).get("detsim.warning")).startsWith("detsim: cannot read failure database file");
  }

  @Test
  void databaseOff_storesNothing_andSaysSo() throws Exception {
    String report = onlyFailureMessage(run(Map.of(Settings.DATABASE, "none"), selectClass(FailingFixture.class)));

    assertThat(report).contains("database:   off (detsim.database=none, or CI=true): not stored");
    try (var files = Files.list(directory)) {
      assertThat(files).isEmpty();
    }
  }

  @Test
  void store_keepsOneOfEachSequence_simplestFirst_andWritesNoTemporaryFiles() throws Exception {
    FailureDatabase database = new FailureDatabase(Optional.of(directory.resolve("nested")));

    assertThat(database.store("a.B#c", ChoiceSequence.of(5))).isTrue();
    assertThat(database.store("a.B#c", ChoiceSequence.of(1, 2))).isTrue();
    assertThat(database.store("a.B#c", ChoiceSequence.of(3))).isTrue();
    assertThat(database.store("a.B#c", ChoiceSequence.of(5))).isFalse();

    Path file = directory.resolve("nested").resolve("a.B#c.choices");
    assertThat(sequencesIn(file)).containsExactly("v1 3", "v1 5", "v1 1 2");
    assertThat(database.load("a.B#c").sequences()).containsExactly(
        ChoiceSequence.of(3), ChoiceSequence.of(5), ChoiceSequence.of(1, 2));
    try (var files = Files.list(file.getParent())) {
      assertThat(files).containsExactly(file);
    }
  }
}
