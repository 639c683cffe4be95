package io.detsim.properties.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import org.junit.jupiter.api.Test;

class ExhaustiveTest {

  @Test
  void listsOfAtMostTwoSmallInts_areExactlyThe13DistinctLists() {
    List<List<Integer>> lists = new ArrayList<>();

    Exhaustive.Report report = Exhaustive.enumerate(Gen.listOf(Gen.ints(0, 2), 0, 2), 1_000,
        (list, consumed) -> lists.add(list));

    assertThat(report).isEqualTo(new Exhaustive.Report(13, 0, true));
    assertThat(new LinkedHashSet<>(lists)).hasSize(13);
    assertThat(lists).containsExactly(
        List.of(),
        List.of(0), List.of(0, 0), List.of(0, 1), List.of(0, 2),
        List.of(1), List.of(1, 0), List.of(1, 1), List.of(1, 2),
        List.of(2), List.of(2, 0), List.of(2, 1), List.of(2, 2));
  }

  enum Fault { CRASH, PARTITION, PAUSE }

  record Entry(Fault fault, int instant) {}

  @Test
  void everyScheduleOfAtMostTwoFaults_fromThreeKindsAtFourInstants() {
    Gen<List<Entry>> schedules = Gen.listOf(
        Gen.zip(Gen.oneOf(Fault.values()), Gen.ints(0, 3), Entry::new), 0, 2);

    List<List<Entry>> all = Exhaustive.values(schedules, 10_000);

    assertThat(all).hasSize(1 + 12 + 12 * 12).doesNotHaveDuplicates();
    assertThat(all).contains(List.of(new Entry(Fault.PAUSE, 3), new Entry(Fault.CRASH, 0)));
  }

  @Test
  void eachCase_replaysFromItsConsumedSequence() {
    Gen<List<Integer>> gen = Gen.listOf(Gen.ints(-1, 1), 1, 3);
    Exhaustive.Report report = Exhaustive.enumerate(gen, 1_000, (list, consumed) -> {
      assertThat(gen.generate(new ReplayChoiceSource(consumed))).isEqualTo(list);
      return true;
    });
    assertThat(report.cases()).isEqualTo(3 + 9 + 27);
  }

  @Test
  void aBoundOnPaths_stopsBeforeTheSpaceIsExhausted() {
    Exhaustive.Report report = Exhaustive.enumerate(Gen.ints(0, 1_000_000), 100, (x, consumed) -> true);
    assertThat(report).isEqualTo(new Exhaustive.Report(100, 0, false));
  }

  @Test
  void theVisitor_canStopEarly() {
    List<Integer> seen = new ArrayList<>();
    Exhaustive.Report report = Exhaustive.enumerate(Gen.ints(0, 9), 100, (x, consumed) -> seen.add(x) && x < 3);
    assertThat(seen).containsExactly(0, 1, 2, 3);
    assertThat(report.exhausted()).isFalse();
  }

  @Test
  void filteredOutPaths_areCountedAsInvalid_notRetried() {
    List<Integer> evens = new ArrayList<>();
    Exhaustive.Report report = Exhaustive.enumerate(Gen.ints(0, 9).filter(x -> x % 2 == 0), 1_000,
        (x, consumed) -> evens.add(x));
    assertThat(evens).containsExactly(0, 2, 4, 6, 8);
    assertThat(report).isEqualTo(new Exhaustive.Report(5, 5, true));
  }

  @Test
  void booleansAndForcedChoices_branchOnlyWhereThereIsAChoice() {
    Gen<String> gen = Gen.zip(Gen.booleans(io.detsim.sim.port.Ratio.of(1, 100)), Gen.ints(7, 7),
        Gen.booleans(io.detsim.sim.port.Ratio.ALWAYS), (a, b, c) -> a + "/" + b + "/" + c);
    assertThat(Exhaustive.values(gen, 100)).containsExactly("false/7/true", "true/7/true");
  }
}
