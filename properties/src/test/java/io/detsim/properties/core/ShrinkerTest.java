package io.detsim.properties.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.detsim.sim.port.Ratio;
import io.detsim.sim.random.Xoshiro256;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * Classic shrinking targets: each starts from the first failing random input and must reach the
 * known minimal answer, the same way every time.
 */
class ShrinkerTest {
  private static final int BUDGET = 5_000;

  /** A shrunk failure and the value its sequence regenerates. */
  record Shrunk<T>(T value, Shrinker.Result result) {}

  static <T> Shrunk<T> shrinkFirstFailure(String name, Gen<T> gen, Function<T, Verdict> check, int maxAttempts) {
    return shrinkFailure(name, gen, check, maxAttempts, 0);
  }

  /** Shrinks the failure of the {@code skip}-th failing seed. */
  static <T> Shrunk<T> shrinkFailure(String name, Gen<T> gen, Function<T, Verdict> check, int maxAttempts, int skip) {
    Property<T> property = Property.of(name, gen, check);
    int failuresToSkip = skip;
    for (long seed = 0; seed < 10_000; seed++) {
      Trial<T> trial = Trial.run(property, new RandomChoiceSource(new Xoshiro256(seed)));
      if (!trial.verdict().isPass() && failuresToSkip-- == 0) {
        Shrinker.Result result = Shrinker.shrink(trial.consumed(), sequence -> Trial.outcome(property, sequence),
            maxAttempts);
        T value = gen.generate(new ReplayChoiceSource(result.shrunk()));
        Shrinker.Statistics statistics = result.statistics();
        System.out.printf("shrink %-28s -> %-12s %-14s in %4d attempts (%d kept, %d -> %d choices)%n", name,
            value, result.shrunk().toText(), statistics.attempts(), statistics.successfulShrinks(),
            statistics.originalSize(), statistics.finalSize());
        return new Shrunk<>(value, result);
      }
    }
    throw new AssertionError("not enough failing inputs in 10,000 seeds");
  }

  /** A swarm of four coins in one span, then a knob for each kind turned on, then the value that fails. */
  record Swarmed(List<Integer> enabled, List<Long> knobs, long value) {}

  private static final Gen<Swarmed> SWARMED = source -> {
    List<Integer> enabled = new ArrayList<>();
    source.startSpan("swarm");
    for (int kind = 0; kind < 4; kind++) {
      if (source.chance(Ratio.of(1, 2))) {
        enabled.add(kind);
      }
    }
    source.endSpan();
    List<Long> knobs = new ArrayList<>();
    for (int ignored : enabled) {
      knobs.add(source.choose(0, 99));
    }
    return new Swarmed(enabled, knobs, source.choose(0, 1_000));
  };

  @Test
  void swarmCoins_turnOffWithTheKnobsTheyCalledFor_whenTheFailureNeedsNone() {
    Shrunk<Swarmed> shrunk = shrinkFirstFailure("value > 500 under a swarm", SWARMED,
        run -> Verdict.that(run.value() <= 500, "value", "over 500"), BUDGET);

    assertThat(shrunk.value()).isEqualTo(new Swarmed(List.of(), List.of(), 501));
    assertThat(shrunk.result().shrunk().toText()).isEqualTo("v1 0 0 0 0 501");
  }

  @Test
  void listWhoseSumExceeds1000_shrinksToTheSingleElement1001() {
    Shrunk<List<Long>> shrunk = shrinkFirstFailure("sum > 1000", Gen.listOf(Gen.longs(0, 10_000), 0, 50),
        list -> Verdict.that(list.stream().mapToLong(Long::longValue).sum() <= 1000, "sum", "sum over 1000"),
        BUDGET);

    assertThat(shrunk.value()).containsExactly(1001L);
    assertThat(shrunk.result().shrunk().toText()).isEqualTo("v1 1 1001");
    assertThat(shrunk.result().failure().kind()).isEqualTo("sum");
  }

  @Test
  void listWhoseSumExceeds1000_shrinksTo1001_fromTwentyDifferentStarts() {
    Gen<List<Long>> gen = Gen.listOf(Gen.longs(0, 10_000), 0, 50);
    for (int start = 0; start < 20; start++) {
      Shrunk<List<Long>> shrunk = shrinkFailure("sum > 1000 #" + start, gen, ShrinkerTest::sumAtMost1000, BUDGET, start);
      assertThat(shrunk.value()).containsExactly(1001L);
    }
  }

  @Test
  void listOfSmallValuesWhoseSumExceeds1000_shrinksTo401And600() {
    // No single element can exceed 1000: the minimum needs two, the first as small as it can be.
    Gen<List<Long>> gen = Gen.listOf(Gen.longs(0, 600), 0, 50);
    for (int start = 0; start < 10; start++) {
      Shrunk<List<Long>> shrunk = shrinkFailure("small sum > 1000 #" + start, gen, ShrinkerTest::sumAtMost1000, BUDGET,
          start);
      assertThat(shrunk.value()).containsExactly(401L, 600L);
    }
  }

  private static Verdict sumAtMost1000(List<Long> list) {
    return Verdict.that(list.stream().mapToLong(Long::longValue).sum() <= 1000, "sum", "sum over 1000");
  }

  @Test
  void listWithALargeValueThenALaterSmallOne_shrinksTo50Then0() {
    Shrunk<List<Integer>> shrunk = shrinkFirstFailure("x >= 50 before y < 10",
        Gen.listOf(Gen.ints(0, 100), 0, 20), ShrinkerTest::largeThenSmall, BUDGET);

    assertThat(shrunk.value()).containsExactly(50, 0);
  }

  private static Verdict largeThenSmall(List<Integer> list) {
    for (int i = 0; i < list.size(); i++) {
      for (int j = i + 1; j < list.size(); j++) {
        if (list.get(i) >= 50 && list.get(j) < 10) {
          return Verdict.fail("order", list.get(i) + " then " + list.get(j));
        }
      }
    }
    return Verdict.pass();
  }

  @Test
  void listWithALargeValueThenALaterSmallOne_shrinksTo50Then0_fromTenDifferentStarts() {
    for (int start = 1; start <= 10; start++) {
      Shrunk<List<Integer>> shrunk = shrinkFailure("x >= 50 before y < 10 #" + start,
          Gen.listOf(Gen.ints(0, 100), 0, 20), ShrinkerTest::largeThenSmall, BUDGET, start);
      assertThat(shrunk.value()).containsExactly(50, 0);
    }
  }

  record Fault(int kind, int node, long atNanos, int sizeBytes) {}

  @Test
  void twoFaultsThatMustShareANode_shrinkToTheMinimalPair_fromFiveStarts() {
    // Fields that must match (the node) can only be lowered together; the other fields go to 0.
    Gen<Fault> faults = Gen.zip(Gen.ints(0, 5), Gen.ints(0, 4), Gen.longs(0, 1_000_000_000L), Gen.ints(0, 4096),
        Fault::new);
    for (int start = 0; start < 5; start++) {
      Shrunk<List<Fault>> shrunk = shrinkFailure("same node #" + start, Gen.listOf(faults, 0, 300),
          ShrinkerTest::twoKind3OnOneNodeThenLarge, BUDGET, start);
      assertThat(shrunk.value()).containsExactly(new Fault(3, 0, 0, 0), new Fault(3, 0, 0, 1001));
    }
  }

  private static Verdict twoKind3OnOneNodeThenLarge(List<Fault> faults) {
    for (int i = 0; i < faults.size(); i++) {
      for (int j = i + 1; j < faults.size(); j++) {
        Fault first = faults.get(i);
        Fault second = faults.get(j);
        if (first.kind() == 3 && second.kind() == 3 && first.node() == second.node() && second.sizeBytes() > 1000) {
          return Verdict.fail("pair", first + " then " + second);
        }
      }
    }
    return Verdict.pass();
  }

  @Test
  void valueFailingFrom1234_shrinksToExactly1234() {
    Shrunk<Long> shrunk = shrinkFirstFailure("x >= 1234", Gen.longs(0, 1_000_000),
        x -> Verdict.that(x < 1234, "threshold", x + " >= 1234"), BUDGET);

    assertThat(shrunk.value()).isEqualTo(1234L);
    assertThat(shrunk.result().shrunk().toText()).isEqualTo("v1 1234");
    assertThat(shrunk.result().statistics().attempts()).isLessThan(60);
  }

  @Test
  void negativeValueFailingBelowMinus1234_shrinksToExactlyMinus1234() {
    Shrunk<Long> shrunk = shrinkFirstFailure("x <= -1234", Gen.longs(-1_000_000, 1_000_000),
        x -> Verdict.that(x > -1234, "threshold", x + " <= -1234"), BUDGET);

    assertThat(shrunk.value()).isEqualTo(-1234L);
  }

  @Test
  void pairOfLargeValues_shrinksToTheSortedMinimum() {
    Shrunk<List<Integer>> shrunk = shrinkFirstFailure("two >= 50, one >= 60",
        Gen.listOf(Gen.ints(0, 100), 0, 10), list -> {
          long atLeast50 = list.stream().filter(x -> x >= 50).count();
          boolean any60 = list.stream().anyMatch(x -> x >= 60);
          return Verdict.that(atLeast50 < 2 || !any60, "pair", list.toString());
        }, BUDGET);

    assertThat(shrunk.value()).containsExactly(50, 60);
  }

  @Test
  void shrinking_keepsTheKindOfViolation() {
    // 100..499 fails too, but as "medium": the shrinker must not trade the "big" bug for it.
    Property<Integer> property = Property.of("keeps kind", Gen.ints(0, 1_000),
        x -> x >= 500 ? Verdict.fail("big", "x = " + x)
            : x >= 100 ? Verdict.fail("medium", "x = " + x) : Verdict.pass());

    Shrinker.Result result = Shrinker.shrink(ChoiceSequence.of(873),
        sequence -> Trial.outcome(property, sequence), BUDGET);

    assertThat(result.shrunk().toText()).isEqualTo("v1 500");
    assertThat(result.failure().kind()).isEqualTo("big");
    assertThat(result.failure().message()).isEqualTo("x = 500");
    assertThat(result.statistics().otherKindFailures()).isPositive();
  }

  @Test
  void shrinking_dropsFilterRejectionsAndUnusedChoices() {
    Shrunk<Integer> shrunk = shrinkFirstFailure("filtered", Gen.ints(0, 1_000).filter(x -> x % 7 == 3),
        x -> Verdict.that(x < 100, "large", "x = " + x), BUDGET);

    assertThat(shrunk.value()).isEqualTo(101);
    assertThat(shrunk.result().shrunk().toText()).isEqualTo("v1 101");
  }

  @Test
  void shrinking_isDeterministic() {
    Gen<List<Long>> gen = Gen.listOf(Gen.longs(0, 10_000), 0, 50);
    Function<List<Long>, Verdict> check =
        list -> Verdict.that(list.stream().mapToLong(Long::longValue).sum() <= 1000, "sum", "over");

    Shrunk<List<Long>> first = shrinkFirstFailure("deterministic 1", gen, check, BUDGET);
    Shrunk<List<Long>> second = shrinkFirstFailure("deterministic 2", gen, check, BUDGET);

    assertThat(second.result()).isEqualTo(first.result());
    assertThat(second.result().shrunk().spans()).isEqualTo(first.result().shrunk().spans());
  }

  @Test
  void shrinking_respectsTheAttemptBudget() {
    Gen<List<Long>> gen = Gen.listOf(Gen.longs(0, 10_000), 0, 50);
    Function<List<Long>, Verdict> check =
        list -> Verdict.that(list.stream().mapToLong(Long::longValue).sum() <= 1000, "sum", "over");

    for (int budget : new int[] {0, 1, 5, 20}) {
      Shrunk<List<Long>> shrunk = shrinkFirstFailure("budget " + budget, gen, check, budget);
      Shrinker.Statistics statistics = shrunk.result().statistics();
      assertThat(statistics.attempts()).isLessThanOrEqualTo(budget);
      assertThat(statistics.budgetExhausted()).isTrue();
      assertThat(shrunk.result().failure().kind()).isEqualTo("sum");
      assertThat(check.apply(shrunk.value()).isPass()).isFalse();
    }
  }

  @Test
  void shrinking_countsAttemptsOnce_forCandidatesSeenBefore() {
    int[] runs = new int[1];
    Function<ChoiceSequence, Outcome> test = sequence -> {
      runs[0]++;
      return sequence.size() >= 3 ? new Outcome.Fail("long", "", sequence) : new Outcome.Pass(sequence);
    };

    Shrinker.Result result = Shrinker.shrink(ChoiceSequence.of(5, 6, 7, 8, 9), test, 1_000);

    assertThat(result.shrunk().values()).containsExactly(0, 0, 0);
    assertThat(result.statistics().attempts()).isEqualTo(runs[0] - 1); // the confirming run is not counted
    assertThat(result.statistics().budgetExhausted()).isFalse();
    assertThat(result.statistics().originalSize()).isEqualTo(5);
    assertThat(result.statistics().finalSize()).isEqualTo(3);
  }

  @Test
  void shrinking_ignoresInvalidCandidates() {
    Function<ChoiceSequence, Outcome> test = sequence -> sequence.size() < 2
        ? new Outcome.Invalid("too short to generate")
        : new Outcome.Fail("any", "", sequence);

    assertThat(Shrinker.shrink(ChoiceSequence.of(4, 4, 4), test, 100).shrunk().values()).containsExactly(0, 0);
  }

  @Test
  void shrinking_aPassingSequence_isAnError() {
    assertThatThrownBy(() -> Shrinker.shrink(ChoiceSequence.of(1), sequence -> new Outcome.Pass(sequence), 10))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("does not fail");
  }
}
