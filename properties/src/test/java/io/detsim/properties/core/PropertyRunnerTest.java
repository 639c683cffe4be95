package io.detsim.properties.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.detsim.sim.random.SplitMix64;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class PropertyRunnerTest {

  /** An operation on {@link BuggyStore}. */
  sealed interface Op permits Write, Sync, Crash {}

  record Write(int key, int value) implements Op {}

  record Sync() implements Op {}

  record Crash() implements Op {}

  /**
   * A store that buffers writes until a sync and loses unsynced writes in a crash. The planted
   * bug: a sync applies the buffered writes to the durable state in the wrong order, so when one
   * key was written twice since the last sync, the older value survives a crash.
   */
  static final class BuggyStore {
    private final TreeMap<Integer, Integer> durable = new TreeMap<>();
    private final List<Write> buffered = new ArrayList<>();
    private final TreeMap<Integer, Integer> acknowledged = new TreeMap<>();

    /** Runs {@code ops}; the first synced write that a crash lost, as a verdict. */
    static Verdict check(List<Op> ops) {
      BuggyStore store = new BuggyStore();
      for (Op op : ops) {
        if (op instanceof Write) {
          store.buffered.add((Write) op);
        } else if (op instanceof Sync) {
          for (int i = store.buffered.size() - 1; i >= 0; i--) { // the bug: newest first
            store.durable.put(store.buffered.get(i).key(), store.buffered.get(i).value());
          }
          for (Write write : store.buffered) {
            store.acknowledged.put(write.key(), write.value());
          }
          store.buffered.clear();
        } else {
          store.buffered.clear();
          if (!store.durable.equals(store.acknowledged)) {
            return Verdict.fail("lost-write", "after a crash " + store.durable + " but acknowledged " + store.acknowledged);
          }
        }
      }
      return Verdict.pass();
    }
  }

  private static final Gen<Op> OPS = Gen.<Op>frequency(4, Gen.zip(Gen.ints(0, 3), Gen.ints(0, 100), Write::new))
      .or(1, Gen.constant(new Sync()))
      .or(1, Gen.constant(new Crash()));

  private static final Property<List<Op>> STORE_KEEPS_SYNCED_WRITES = Property.of("store keeps synced writes",
      Gen.listOf(OPS, 0, 30), BuggyStore::check)
      .withLabels(ops -> ops.stream().map(op -> "op:" + op.getClass().getSimpleName()).collect(
          java.util.stream.Collectors.toList()));

  @Test
  void runner_findsShrinksAndReproducesAPlantedBug() {
    PropertyRunner runner = new PropertyRunner(PropertyConfig.defaults().withTries(1_000).withStartSeed(42));

    PropertyResult<List<Op>> result = runner.run(STORE_KEEPS_SYNCED_WRITES);

    assertThat(result.passed()).isFalse();
    PropertyResult.Failure<List<Op>> failure = result.failure().orElseThrow();
    assertThat(failure.value()).containsExactly(new Write(0, 0), new Write(0, 1), new Sync(), new Crash());
    assertThat(failure.valueText()).isEqualTo("[Write[key=0, value=0], Write[key=0, value=1], Sync[], Crash[]]");
    assertThat(failure.kind()).isEqualTo("lost-write");
    assertThat(failure.message()).isEqualTo("after a crash {0=0} but acknowledged {0=1}");
    assertThat(failure.seed()).hasValue(PropertyRunner.seedOfTry(42, failure.tryIndex()));
    assertThat(failure.seedHex()).matches("0x[0-9a-f]{16}");
    assertThat(failure.shrunkSize()).isLessThan(failure.originalSize());
    assertThat(result.triesRun()).isEqualTo(failure.tryIndex() + 1);
    assertThat(failure.shrinking().budgetExhausted()).isFalse();
    System.out.println(result.report());

    // The shrunk choices, printed and parsed back as a failure file would, reproduce the failure.
    PropertyResult<List<Op>> replayed = runner.replay(STORE_KEEPS_SYNCED_WRITES,
        ChoiceSequence.parse(failure.shrunk().toText()));
    assertThat(replayed.failure().orElseThrow().value()).isEqualTo(failure.value());
    assertThat(replayed.failure().orElseThrow().kind()).isEqualTo("lost-write");
    assertThat(replayed.failure().orElseThrow().message()).isEqualTo(failure.message());

    // So does the original, and shrinking it again lands on the same input.
    PropertyResult<List<Op>> reshrunk = runner.shrink(STORE_KEEPS_SYNCED_WRITES, failure.original());
    assertThat(reshrunk.failure().orElseThrow().shrunk()).isEqualTo(failure.shrunk());
  }

  @Test
  void runner_isDeterministic() {
    PropertyRunner runner = new PropertyRunner(PropertyConfig.defaults().withTries(1_000).withStartSeed(7));
    PropertyResult<List<Op>> first = runner.run(STORE_KEEPS_SYNCED_WRITES);
    PropertyResult<List<Op>> second = runner.run(STORE_KEEPS_SYNCED_WRITES);
    assertThat(second.report()).isEqualTo(first.report());
    assertThat(second.failure().orElseThrow().original()).isEqualTo(first.failure().orElseThrow().original());
  }

  @Test
  void runner_exhaustiveMode_findsTheSmallestBugFirst() {
    Property<List<Op>> property = Property.of("store, exhaustively", Gen.listOf(
        Gen.<Op>frequency(4, Gen.zip(Gen.ints(0, 1), Gen.ints(0, 1), Write::new))
            .or(1, Gen.constant(new Sync())).or(1, Gen.constant(new Crash())), 0, 4), BuggyStore::check);

    PropertyResult<List<Op>> result = new PropertyRunner(PropertyConfig.defaults().exhaustive(100_000)).run(property);

    assertThat(result.mode()).isEqualTo(PropertyConfig.Mode.EXHAUSTIVE);
    PropertyResult.Failure<List<Op>> failure = result.failure().orElseThrow();
    assertThat(failure.value()).containsExactly(new Write(0, 0), new Write(0, 1), new Sync(), new Crash());
    assertThat(failure.seed()).isEmpty();
    assertThat(failure.seedHex()).isEqualTo("none");
    assertThat(result.triesRun()).isEqualTo(failure.tryIndex() + 1);
  }

  @Test
  void runner_exhaustiveMode_passingSpace_isReportedExhausted() {
    Property<List<Integer>> property = Property.of("short lists", Gen.listOf(Gen.ints(0, 2), 0, 2),
        list -> Verdict.that(list.size() <= 2, "size", "too long"))
        .withLabels(list -> List.of("size:" + list.size()));

    PropertyResult<List<Integer>> result = new PropertyRunner(PropertyConfig.defaults().exhaustive(1_000)).run(property);

    assertThat(result.passed()).isTrue();
    assertThat(result.exhausted()).isTrue();
    assertThat(result.triesRun()).isEqualTo(13);
    assertThat(result.coverage().count("size:2")).isEqualTo(9);
    assertThat(result.report()).startsWith("property 'short lists' passed 13 tries (exhaustive, space exhausted)");
  }

  @Test
  void runner_passingProperty_runsEveryTry_andReportsCoverage() {
    Property<Integer> property = Property.of("digits", Gen.ints(0, 9), x -> Verdict.that(x < 10, "range", "x = " + x))
        .withLabels(x -> List.of(x % 2 == 0 ? "even" : "odd"));

    PropertyResult<Integer> result = new PropertyRunner(PropertyConfig.defaults().withTries(1_000)).run(property);

    assertThat(result.passed()).isTrue();
    assertThat(result.triesRun()).isEqualTo(1_000);
    assertThat(result.coverage().tries()).isEqualTo(1_000);
    assertThat(result.coverage().percent("even")).isBetween(45.0, 55.0);
    assertThat(result.coverage().count("even") + result.coverage().count("odd")).isEqualTo(1_000);
  }

  @Test
  void runner_anExceptionInTheCheck_isAFailureOfItsClass() {
    Property<Integer> property = Property.of("divides", Gen.ints(-10, 10), x -> Verdict.that(100 / x != 1000, "x", ""));

    PropertyResult.Failure<Integer> failure = new PropertyRunner(PropertyConfig.defaults()).run(property)
        .failure().orElseThrow();

    assertThat(failure.kind()).isEqualTo("java.lang.ArithmeticException");
    assertThat(failure.message()).isEqualTo("/ by zero");
    assertThat(failure.value()).isZero();
  }

  @Test
  void runner_discardsTriesThatCannotGenerate_andGivesUpWhenMostCannot() {
    Property<Integer> rare = Property.of("rare", Gen.ints(0, 1_000).filter(x -> x == 17), x -> Verdict.pass());
    assertThatThrownBy(() -> new PropertyRunner(PropertyConfig.defaults().withTries(10)).run(rare))
        .isInstanceOf(GenerationException.class)
        .hasMessageContaining("property 'rare': 10 tries discarded")
        .hasMessageContaining("filter rejected 100 of 100 candidates for ints(0, 1000)");
  }

  @Test
  void runner_aPropertyThatIsNotDeterministic_isReported() {
    int[] calls = new int[1];
    Property<Integer> flaky = Property.of("flaky", Gen.ints(0, 9), x -> Verdict.that(calls[0]++ != 3, "flaky", ""));
    assertThatThrownBy(() -> new PropertyRunner(PropertyConfig.defaults()).run(flaky))
        .hasMessageContaining("deterministic");
  }

  @Test
  void seedOfTry_mixesTheStartSeedAndTheIndex() {
    assertThat(PropertyRunner.seedOfTry(5, 3)).isEqualTo(SplitMix64.mix(SplitMix64.mix(5) + 3));
    assertThat(PropertyRunner.seedOfTry(0, 0)).isNotEqualTo(PropertyRunner.seedOfTry(0, 1));
    assertThat(PropertyRunner.seedOfTry(0, 7)).as("start seed 0 keeps its tries").isEqualTo(SplitMix64.mix(7));
  }

  /** Campaigns from adjacent start seeds are two campaigns, not one shifted by a try. */
  @Test
  void seedOfTry_adjacentStartSeedsShareNoTry() {
    java.util.Set<Long> first = new java.util.HashSet<>();
    for (long i = 0; i < 10_000; i++) {
      first.add(PropertyRunner.seedOfTry(0x5eed370L, i));
    }
    for (long i = 0; i < 10_000; i++) {
      assertThat(first).doesNotContain(PropertyRunner.seedOfTry(0x5eed371L, i));
    }
  }

  @Test
  void config_rejectsNonsense() {
    assertThatThrownBy(() -> PropertyConfig.defaults().withTries(0)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> PropertyConfig.defaults().withMaxShrinkAttempts(-1))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(PropertyConfig.defaults().exhaustive(5).random().mode()).isEqualTo(PropertyConfig.Mode.RANDOM);
  }
}
