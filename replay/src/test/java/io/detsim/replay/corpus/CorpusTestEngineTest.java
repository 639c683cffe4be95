package io.detsim.replay.corpus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClasspathRoots;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectPackage;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectUniqueId;

import io.detsim.engine.planted.EngineMutant;
import io.detsim.scenarios.engine.EngineScenarios;
import io.detsim.replay.file.FailureFile;
import io.detsim.replay.file.FailureFiles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.engine.DiscoverySelector;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Event;
import org.junit.platform.testkit.engine.EventType;

/** The corpus engine on a corpus of three: a fixed bug (passes), a damaged file, and a bug that is back. */
class CorpusTestEngineTest {
  /** A real failure, fuzzed once for the class: it passes without its mutant. */
  private static FailureFile found;

  @TempDir
  Path corpus;
  private Path fixed;
  private Path damaged;
  private Path back;

  @BeforeAll
  static void findAFailure() {
    found = CorpusSeeder.find(EngineScenarios.named("swarm").orElseThrow(), EngineMutant.STEAL_SINGLE_ITEMS, 20, 400)
        .orElseThrow();
  }

  @BeforeEach
  void writeCorpus() throws Exception {
    fixed = corpus.resolve("steal-single-items.detsim");
    FailureFiles.write(fixed, found);
    damaged = corpus.resolve("damaged.detsim");
    Files.writeString(damaged, FailureFiles.format(found).replace("format: 1", "format: 2"));
    // A workload that cannot finish within the 30 s liveness bound: 1,000 observations at 1 a second.
    back = corpus.resolve("slow-client.detsim");
    Files.writeString(back, FailureFiles.format(found)
        .replace("client client-0: 50 observations into space-0 at 500/s",
            "client client-0: 1000 observations into space-0 at 1/s"));
    Files.writeString(corpus.resolve("notes.txt"), "not a failure file: ignored");
  }

  @Test
  void eachFile_isOneTest_thatPassesOnlyWhenTheRealEnginePasses() {
    EngineExecutionResults results = run(selectUniqueId("[engine:detsim-corpus]"));
    results.testEvents().assertStatistics(stats -> stats.started(3).succeeded(1).failed(2));
    assertThat(displayNames(results, EventType.FINISHED)).containsExactly(
        "unreadable failure file (damaged.detsim)", "swarm: once SEQUENCE_VIOLATION (slow-client.detsim)",
        "swarm: once SEQUENCE_VIOLATION (steal-single-items.detsim)");
    assertThat(result(results, "steal-single-items.detsim").getStatus())
        .isEqualTo(TestExecutionResult.Status.SUCCESSFUL);
    assertThat(results.testEvents().started().stream().map(event -> event.getTestDescriptor().getUniqueId().toString()))
        .contains("[engine:detsim-corpus]/[corpus:" + corpus.getFileName() + "]/[file:damaged.detsim]");
  }

  @Test
  void damagedFile_failsWithItsOneLineError() {
    Throwable thrown = result(run(selectUniqueId("[engine:detsim-corpus]")), "damaged.detsim").getThrowable()
        .orElseThrow();
    assertThat(thrown).hasMessageStartingWith(damaged + ":2:9: format 2 is from a newer detsim; this one (")
        .hasMessageEndingWith(") reads format 1");
    assertThat(thrown.getMessage()).doesNotContain("\n");
  }

  @Test
  void fileWithAFaultPastTheSimulatedTimeBound_failsNamingTheFile_insteadOfRunningForDays() throws Exception {
    Path late = corpus.resolve("late").resolve("late-fault.detsim");
    Files.createDirectories(late.getParent());
    String text = FailureFiles.format(found);
    Files.writeString(late, text.stripTrailing() + "\n100000000s crash server\n");
    EngineExecutionResults results = EngineTestKit.engine(new CorpusTestEngine())
        .configurationParameter("detsim.corpus.dir", late.getParent().toString())
        .selectors(selectUniqueId("[engine:detsim-corpus]")).execute();
    results.testEvents().assertStatistics(stats -> stats.started(1).failed(1));
    Throwable thrown = results.testEvents().failed().list().get(0).getPayload(TestExecutionResult.class)
        .orElseThrow().getThrowable().orElseThrow();
    assertThat(thrown.getMessage()).startsWith(late.toString() + ":").contains("past the simulated-time bound")
        .doesNotContain("\n");
  }

  @Test
  void fileOfANightlyScenario_isSkippedWithItsReason_andReplaysInNightlyMode() throws Exception {
    Path nightly = corpus.resolve("nightly").resolve("sustained.detsim");
    Files.createDirectories(nightly.getParent());
    Files.writeString(nightly, FailureFiles.format(found).replace("scenario: swarm", "scenario: sustained_10min"));
    EngineExecutionResults everyBuild = EngineTestKit.engine(new CorpusTestEngine())
        .configurationParameter("detsim.corpus.dir", nightly.getParent().toString())
        .selectors(selectUniqueId("[engine:detsim-corpus]")).execute();
    everyBuild.testEvents().assertStatistics(stats -> stats.skipped(1).started(0));
    assertThat(everyBuild.testEvents().skipped().list().get(0).getPayload(String.class).orElseThrow())
        .isEqualTo("nightly only: sustained_10min runs for minutes; replay it with -Ddetsim.mode=nightly or"
            + " ./detsim replay " + nightly);
    EngineExecutionResults nightlyRun = EngineTestKit.engine(new CorpusTestEngine())
        .configurationParameter("detsim.corpus.dir", nightly.getParent().toString())
        .configurationParameter("detsim.mode", "nightly")
        .selectors(selectUniqueId("[engine:detsim-corpus]")).execute();
    nightlyRun.testEvents().assertStatistics(stats -> stats.skipped(0).started(1).succeeded(1));
  }

  @Test
  void bugThatIsBack_failsWithTheNewViolation_andTheReplayCommand() {
    Throwable thrown = result(run(selectUniqueId("[engine:detsim-corpus]")), "slow-client.detsim").getThrowable()
        .orElseThrow();
    assertThat(thrown).isInstanceOf(AssertionError.class);
    assertThat(thrown.getMessage()).startsWith("slow-client.detsim: swarm fails again: SILENT_DROP at ")
        .contains("\n  recorded: SEQUENCE_VIOLATION at 2.2s (mutants: steal-single-items)\n")
        .endsWith("\n  replay: ./detsim replay " + back);
  }

  @Test
  void discovery_answersToClasspathRoots_corpusClasses_theirPackage_andItsOwnIds() {
    assertThat(testCount(selectClasspathRoots(Set.of(corpus)).toArray(DiscoverySelector[]::new))).isEqualTo(3);
    assertThat(testCount(selectClass(RegressionCorpusTest.class))).isEqualTo(3);
    assertThat(testCount(selectPackage(RegressionCorpusTest.class.getPackageName()))).isEqualTo(3);
    String container = "[engine:detsim-corpus]/[corpus:" + corpus.getFileName() + "]";
    assertThat(testCount(selectUniqueId(container + "/[file:damaged.detsim]"),
        selectUniqueId(container + "/[file:slow-client.detsim]"))).isEqualTo(2);
    assertThat(testCount(selectUniqueId(container))).isEqualTo(3);
    // Many selectors that each ask for the whole corpus still give one test a file.
    assertThat(testCount(selectClass(RegressionCorpusTest.class), selectUniqueId("[engine:detsim-corpus]"),
        selectClasspathRoots(Set.of(corpus)).get(0))).isEqualTo(3);
  }

  @Test
  void discovery_ignoresClassesThatAreNotCorpusClasses_andOtherEnginesIds() {
    assertThat(testCount(selectClass(CorpusTestEngineTest.class))).isZero();
    assertThat(testCount(selectPackage("io.detsim.replay.file"))).isZero();
    assertThat(testCount(selectUniqueId("[engine:detsim]/[class:x]"))).isZero();
  }

  @Test
  void missingFolder_failsWhenAskedForByName_andIsEmptyForAClasspathRoot() {
    Path missing = corpus.resolve("no-such-folder");
    EngineExecutionResults asked = EngineTestKit.engine(new CorpusTestEngine())
        .configurationParameter("detsim.corpus.dir", missing.toString())
        .selectors(selectClass(RegressionCorpusTest.class))
        .execute();
    asked.testEvents().assertStatistics(stats -> stats.started(1).failed(1));
    assertThat(asked.testEvents().failed().list().get(0).getPayload(TestExecutionResult.class).orElseThrow()
        .getThrowable().orElseThrow()).hasMessage("no corpus folder at " + missing
            + " (set the configuration parameter detsim.corpus.dir)");
    EngineExecutionResults root = EngineTestKit.engine(new CorpusTestEngine())
        .configurationParameter("detsim.corpus.dir", missing.toString())
        .selectors(selectClasspathRoots(Set.of(corpus)).toArray(DiscoverySelector[]::new)).execute();
    root.testEvents().assertStatistics(stats -> stats.started(0));
  }

  private EngineExecutionResults run(DiscoverySelector... selectors) {
    return EngineTestKit.engine(new CorpusTestEngine()).configurationParameter("detsim.corpus.dir", corpus.toString())
        .selectors(selectors).execute();
  }

  private long testCount(DiscoverySelector... selectors) {
    return EngineTestKit.engine(new CorpusTestEngine()).configurationParameter("detsim.corpus.dir", corpus.toString())
        .selectors(selectors).execute().testEvents().started().count();
  }

  private static List<String> displayNames(EngineExecutionResults results, EventType type) {
    return results.testEvents().filter(event -> event.getType() == type)
        .map(event -> event.getTestDescriptor().getDisplayName()).toList();
  }

  private static TestExecutionResult result(EngineExecutionResults results, String fileName) {
    return results.testEvents().finished().stream()
        .filter(event -> event.getTestDescriptor().getUniqueId().getLastSegment().getValue().equals(fileName))
        .map(Event::getPayload).map(payload -> (TestExecutionResult) payload.orElseThrow()).findFirst().orElseThrow();
  }
}
