package io.detsim.properties.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.ClassNameFilter.excludeClassNamePatterns;
import static org.junit.platform.engine.discovery.ClassNameFilter.includeClassNamePatterns;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClasspathRoots;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectMethod;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectPackage;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectUniqueId;

import io.detsim.properties.core.PropertyRunner;
import io.detsim.properties.junit.scanned.ScannedFixture;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.platform.engine.DiscoverySelector;
import org.junit.platform.engine.Filter;
import org.junit.platform.engine.TestDescriptor;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.reporting.ReportEntry;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Event;

class DetsimTestEngineTest {

  @BeforeEach
  void resetFixtures() {
    PassingFixture.reset();
    ExhaustiveFixture.reset();
  }

  /** Runs the detsim engine alone, the failure database off unless {@code parameters} set it. */
  static EngineExecutionResults run(Map<String, String> parameters, DiscoverySelector... selectors) {
    return run(parameters, List.of(), selectors);
  }

  static EngineExecutionResults run(
      Map<String, String> parameters, List<Filter<?>> filters, DiscoverySelector... selectors) {
    Map<String, String> all = new LinkedHashMap<>(Map.of(Settings.DATABASE, Settings.DATABASE_OFF));
    all.putAll(parameters);
    return EngineTestKit.engine(DetsimTestEngine.ID)
        .selectors(selectors)
        .filters(filters.toArray(Filter<?>[]::new))
        .configurationParameters(all)
        .enableImplicitConfigurationParameters(false)
        .execute();
  }

  /** The failure messages of the failed tests, by test display name. */
  static Map<String, String> failureMessages(EngineExecutionResults results) {
    return results.testEvents().failed().stream().collect(Collectors.toMap(
        event -> event.getTestDescriptor().getDisplayName(),
        event -> event.getRequiredPayload(TestExecutionResult.class).getThrowable().orElseThrow().getMessage(),
        (first, second) -> first, TreeMap::new));
  }

  static String onlyFailureMessage(EngineExecutionResults results) {
    Map<String, String> messages = failureMessages(results);
    assertThat(messages).hasSize(1);
    return messages.values().iterator().next();
  }

  /** Every report entry's key-value pairs, merged in publication order. */
  static Map<String, String> reportEntries(EngineExecutionResults results) {
    Map<String, String> entries = new LinkedHashMap<>();
    results.allEvents().reportingEntryPublished().stream()
        .map(event -> event.getRequiredPayload(ReportEntry.class).getKeyValuePairs())
        .forEach(entries::putAll);
    return entries;
  }

  static List<String> testNames(EngineExecutionResults results) {
    return results.testEvents().started().stream()
        .map(Event::getTestDescriptor)
        .map(TestDescriptor::getDisplayName)
        .sorted()
        .collect(Collectors.toList());
  }

  @Test
  void passingProperties_succeed_andReportCoverage() {
    EngineExecutionResults results = run(Map.of(), selectClass(PassingFixture.class));

    results.containerEvents().assertStatistics(stats -> stats.started(2).succeeded(2));
    assertThat(results.containerEvents().started().stream().map(Event::getTestDescriptor)
        .map(TestDescriptor::getLegacyReportingName))
        .contains(PassingFixture.class.getName());
    results.testEvents().assertStatistics(stats -> stats.started(3).succeeded(3).failed(0));
    assertThat(PassingFixture.LONGS_CHECKS).hasValue(100);
    Map<String, String> entries = reportEntries(results);
    assertThat(entries).containsKeys("detsim.coverage.low", "detsim.coverage.high");
    assertThat(entries.get("detsim.coverage.low")).matches("\\d+ of \\d+ tries \\(\\d+\\.\\d%\\)");
  }

  @Test
  void nightlyOnlyProperty_isSkippedOutsideNightlyMode_andRunsItsOwnTriesInIt() {
    NightlyFixture.CHECKS.set(0);
    EngineExecutionResults skipped = run(Map.of(), selectClass(NightlyFixture.class));
    skipped.testEvents().assertStatistics(stats -> stats.skipped(1).started(0));
    assertThat(NightlyFixture.CHECKS).hasValue(0);

    EngineExecutionResults nightly = run(Map.of(Settings.MODE, "nightly"), selectClass(NightlyFixture.class));
    nightly.testEvents().assertStatistics(stats -> stats.started(1).succeeded(1));
    assertThat(NightlyFixture.CHECKS).hasValue(3);
  }

  @Test
  void failingProperty_failsWithAReportAPersonCanActOn() {
    EngineExecutionResults results = run(Map.of(), selectClass(FailingFixture.class));

    results.testEvents().assertStatistics(stats -> stats.started(1).failed(1));
    String report = onlyFailureMessage(results);
    assertThat(report)
        .contains("property 'x below 1234' FAILED: FailingFixture#belowLimit")
        .contains("violation:  too-big: 1234 is not below 1234")
        .contains("input:      1234")
        .contains("choices:    v1 1234")
        .contains("shrunk:     from 1 to 1 choices")
        .contains("cd " + java.nio.file.Path.of("").toAbsolutePath() + " && mvn -B test -Dtest='FailingFixture#belowLimit'"
            + " -Ddetsim.replay='v1 1234' -Dsurefire.failIfNoSpecifiedTests=false")
        .contains("file:       none: no failure-file writer on the class path (the replay module has one)")
        .contains("coverage of ");
    Matcher seed = Pattern.compile("seed:       (0x[0-9a-f]{16}) \\(try (\\d+) of a random run of 100 tries from start "
        + "seed 0x0000000000000000").matcher(report);
    assertThat(seed.find()).as(report).isTrue();
    assertThat(seed.group(1)).isEqualTo(PropertyReport.hex(PropertyRunner.seedOfTry(0, Long.parseLong(seed.group(2)))));
    Throwable thrown = results.testEvents().failed().list().get(0)
        .getRequiredPayload(TestExecutionResult.class).getThrowable().orElseThrow();
    assertThat(thrown).isInstanceOf(AssertionError.class);
    assertThat(thrown.getStackTrace()).extracting(StackTraceElement::getMethodName).containsExactly("belowLimit");
  }

  @Test
  void triesParameter_isHonoured_andTheAnnotationOverridesIt() {
    run(Map.of(Settings.TRIES, "17"), selectClass(PassingFixture.class));

    assertThat(PassingFixture.LONGS_CHECKS).hasValue(17);
    assertThat(PassingFixture.SEVEN_CHECKS).hasValue(7);
  }

  @Test
  void nightlyMode_runsAHundredTimesTheTries() {
    EngineExecutionResults results = run(Map.of(Settings.TRIES, "3", Settings.MODE, "nightly", Settings.SEED, "0x2a"),
        selectMethod(PassingFixture.class, "longsBelow5000"));

    assertThat(PassingFixture.LONGS_CHECKS).hasValue(300);
    assertThat(reportEntries(results)).containsEntry("detsim.mode", "nightly")
        .containsEntry("detsim.startSeed", "0x000000000000002a");
  }

  @Test
  void seed_changesTheInputs_andTheSameSeedGivesTheSameInputs() {
    run(Map.of(Settings.SEED, "1"), selectMethod(PassingFixture.class, "longsBelow5000"));
    List<Long> seedOne = List.copyOf(PassingFixture.LONGS_SEEN);
    PassingFixture.reset();
    run(Map.of(Settings.SEED, "2"), selectMethod(PassingFixture.class, "longsBelow5000"));
    List<Long> seedTwo = List.copyOf(PassingFixture.LONGS_SEEN);
    PassingFixture.reset();
    run(Map.of(Settings.SEED, "0x1"), selectMethod(PassingFixture.class, "longsBelow5000"));

    assertThat(seedOne).hasSize(100).isNotEqualTo(seedTwo);
    assertThat(PassingFixture.LONGS_SEEN).isEqualTo(seedOne);
  }

  @Test
  void annotationSeed_overridesTheSeedParameter() {
    EngineExecutionResults results = run(Map.of(Settings.SEED, "1"), selectMethod(PassingFixture.class, "staticWithSeed"));

    results.testEvents().assertStatistics(stats -> stats.succeeded(1));
    assertThat(reportEntries(results)).containsEntry("detsim.startSeed", "0x0000000000c0ffee");
  }

  @Test
  void replay_checksExactlyTheGivenInputOnce() {
    EngineExecutionResults results = run(Map.of(Settings.REPLAY, "v1 42"),
        selectMethod(PassingFixture.class, "longsBelow5000"));

    results.testEvents().assertStatistics(stats -> stats.succeeded(1));
    assertThat(PassingFixture.LONGS_SEEN).containsExactly(42L);
  }

  @Test
  void replay_ofAFailingInput_failsWithThatInputUnshrunk() {
    String report = onlyFailureMessage(run(Map.of(Settings.REPLAY, "v1 2000"),
        selectMethod(FailingFixture.class, "belowLimit")));

    assertThat(report).contains("input:      2000").contains("seed:       none: the input of detsim.replay")
        .contains("shrunk:     no: a replay checks exactly the input given");
  }

  @Test
  void replay_withSeveralPropertiesSelected_failsThemAllWithAClearMessage() {
    EngineExecutionResults results = run(Map.of(Settings.REPLAY, "v1 42"), selectClass(PassingFixture.class));

    results.testEvents().assertStatistics(stats -> stats.failed(3));
    assertThat(failureMessages(results).values())
        .allSatisfy(message -> assertThat(message).contains("replays one input of one property, but 3 properties"));
    assertThat(PassingFixture.LONGS_CHECKS).hasValue(0);
  }

  @Test
  void malformedParameter_failsEveryPropertyNamingTheParameter() {
    EngineExecutionResults results = run(Map.of(Settings.TRIES, "many"), selectClass(PassingFixture.class));

    results.testEvents().assertStatistics(stats -> stats.failed(3));
    assertThat(failureMessages(results).values())
        .allSatisfy(message -> assertThat(message).isEqualTo("detsim.tries must be an integer of at least 0, not 'many'"));
  }

  @Test
  void exhaustiveMode_enumeratesASmallGeneratorFully() {
    EngineExecutionResults results = run(Map.of(Settings.MODE, "exhaustive"),
        selectMethod(ExhaustiveFixture.class, "digits"));

    results.testEvents().assertStatistics(stats -> stats.succeeded(1));
    assertThat(ExhaustiveFixture.DIGITS_SEEN).containsExactly(0, 1, 2, 3, 4, 5, 6, 7, 8, 9);
    assertThat(reportEntries(results)).containsEntry("detsim.result", "passed 10 cases (exhaustive, space exhausted)");
  }

  @Test
  void annotationMode_overridesTheModeParameter() {
    run(Map.of(Settings.MODE, "random", Settings.TRIES, "50"), selectMethod(ExhaustiveFixture.class, "booleanPairs"));

    assertThat(ExhaustiveFixture.PAIRS_SEEN).containsExactly(
        List.of(false, false), List.of(false, true), List.of(true, false), List.of(true, true));
  }

  @Test
  void brokenSignatures_areFailedTestsThatSayWhatIsWrong() {
    EngineExecutionResults results = run(Map.of(), selectClass(BrokenSignatureFixture.class));

    Map<String, String> messages = failureMessages(results);
    assertThat(messages.keySet()).containsExactly(
        "badAnnotation", "returnsNothing", "returnsNull", "returnsString", "throwsWhileBuilding", "withParameter");
    String prefix = "@SimProperty method " + BrokenSignatureFixture.class.getName() + "#";
    assertThat(messages.get("withParameter")).isEqualTo(prefix + "withParameter(long) cannot run: it takes 1 parameter "
        + "but must take none: the Property it returns generates the inputs");
    assertThat(messages.get("returnsNothing")).isEqualTo(prefix + "returnsNothing() cannot run: it returns void but "
        + "must return io.detsim.properties.core.Property<?>");
    assertThat(messages.get("returnsString")).contains("it returns java.lang.String but must return");
    assertThat(messages.get("badAnnotation"))
        .contains("tries = -1 must be positive, or 0 for detsim.tries")
        .contains("@SimProperty(seed) must be a seed of 1 to 16 hex digits (such as 0x2a), not 'xyz'")
        .contains("@SimProperty(mode) must be random, exhaustive or nightly, not 'fast'");
    assertThat(messages.get("returnsNull")).isEqualTo(prefix + "returnsNull returned null instead of a Property");
    assertThat(messages.get("throwsWhileBuilding")).isEqualTo("no generator yet");
  }

  @Test
  void instanceProperty_ofAClassWithoutANoArgumentConstructor_fails_whileAStaticOneRuns() {
    EngineExecutionResults results = run(Map.of(), selectClass(BrokenSignatureFixture.NeedsArgument.class));

    results.testEvents().assertStatistics(stats -> stats.started(2).succeeded(1).failed(1));
    assertThat(onlyFailureMessage(results)).contains("instanceProperty() cannot run: it is an instance method, but "
        + BrokenSignatureFixture.NeedsArgument.class.getName() + " has no constructor without parameters");
  }

  @Test
  void methodSelector_selectsOneProperty() {
    EngineExecutionResults results = run(Map.of(), selectMethod(PassingFixture.class, "sevenTries"));

    assertThat(testNames(results)).containsExactly("sevenTries");
    assertThat(PassingFixture.LONGS_CHECKS).hasValue(0);
  }

  @Test
  void classAndMethodSelectorsOfOneClass_runEachPropertyOnce() {
    EngineExecutionResults results = run(Map.of(), selectClass(PassingFixture.class),
        selectMethod(PassingFixture.class, "sevenTries"));

    assertThat(testNames(results)).containsExactly("longsBelow5000", "sevenTries", "staticWithSeed");
    assertThat(PassingFixture.SEVEN_CHECKS).hasValue(7);
  }

  @Test
  void packageSelector_findsThePackagesProperties_andClassNameFiltersApply() {
    String scanned = ScannedFixture.class.getPackageName();

    assertThat(testNames(run(Map.of(), selectPackage(scanned)))).containsExactly("first", "other", "second");
    assertThat(testNames(run(Map.of(), List.of(excludeClassNamePatterns(".*Other.*")), selectPackage(scanned))))
        .containsExactly("first", "second");
  }

  @Test
  void classpathRootSelector_findsProperties_andClassNameFiltersApply() throws Exception {
    Path root = Path.of(ScannedFixture.class.getProtectionDomain().getCodeSource().getLocation().toURI());

    EngineExecutionResults results = run(Map.of(), List.of(includeClassNamePatterns(".*\\.scanned\\..*")),
        selectClasspathRoots(Set.of(root)).toArray(DiscoverySelector[]::new));

    assertThat(testNames(results)).containsExactly("first", "other", "second");
  }

  @Test
  void uniqueIdSelector_selectsAClassOrOneProperty() {
    String classId = "[engine:detsim]/[class:" + PassingFixture.class.getName() + "]";

    assertThat(testNames(run(Map.of(), selectUniqueId(classId))))
        .containsExactly("longsBelow5000", "sevenTries", "staticWithSeed");
    assertThat(testNames(run(Map.of(), selectUniqueId(classId + "/[property:sevenTries()]"))))
        .containsExactly("sevenTries");
  }

  @Test
  void jupiterAndDetsim_eachRunOnlyTheirOwnTestsOfAClass() {
    EngineExecutionResults detsim = run(Map.of(), selectClass(MixedFixture.class));
    EngineExecutionResults jupiter = EngineTestKit.engine("junit-jupiter")
        .selectors(selectClass(MixedFixture.class))
        .enableImplicitConfigurationParameters(false)
        .execute();

    assertThat(testNames(detsim)).containsExactly("detsimProperty");
    assertThat(testNames(jupiter)).containsExactly("jupiterTest()");
    jupiter.testEvents().assertStatistics(stats -> stats.succeeded(1));
    detsim.testEvents().assertStatistics(stats -> stats.succeeded(1));
  }

  @Test
  void classesWithoutProperties_giveNoContainers() {
    EngineExecutionResults results = run(Map.of(), selectClass(DetsimTestEngineTest.class));

    results.containerEvents().assertStatistics(stats -> stats.started(1));
    results.testEvents().assertStatistics(stats -> stats.started(0));
  }
}
