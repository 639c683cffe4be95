package io.detsim.properties.junit;

import io.detsim.properties.core.ChoiceSequence;
import io.detsim.properties.core.Gen;
import io.detsim.properties.core.Property;
import io.detsim.properties.core.PropertyConfig;
import io.detsim.properties.core.PropertyResult;
import io.detsim.properties.core.PropertyRunner;
import io.detsim.properties.core.Verdict;
import java.util.ArrayList;
import java.util.List;

/**
 * Promises of the property core that every report of the engine depends on, checked as
 * properties: Surefire runs this class through detsim's own engine, so {@code mvn verify} runs
 * the engine for real. Each input is the start seed of an inner run of the core.
 */
class GeneratorProperties {
  private static final Gen<List<Integer>> LISTS = Gen.listOf(Gen.ints(-50, 1_000), 0, 20);
  private static final Gen<Long> SEEDS = Gen.longs(Long.MIN_VALUE, Long.MAX_VALUE);

  /** A failure's recorded choices regenerate exactly the value first generated: how every replay works. */
  @SimProperty
  Property<Long> replay_reproducesTheRecordedValue() {
    return Property.of("replaying recorded choices reproduces the value", SEEDS, seed -> {
      List<List<Integer>> checked = new ArrayList<>();
      Property<List<Integer>> alwaysFails = Property.of("always fails", LISTS, list -> {
        checked.add(list);
        return Verdict.fail("recorded", "every input fails");
      });
      PropertyRunner runner = new PropertyRunner(
          PropertyConfig.defaults().withTries(1).withStartSeed(seed).withMaxShrinkAttempts(0));
      ChoiceSequence recorded = runner.run(alwaysFails).failure().orElseThrow().original();
      List<Integer> generated = checked.get(0);
      List<Integer> replayed = runner.replay(alwaysFails, recorded).failure().orElseThrow().value();
      return Verdict.that(replayed.equals(generated), "replay-differs",
          generated + " was recorded as " + recorded + " and replayed as " + replayed);
    });
  }

  /**
   * One failure shrinks to the same input every time, no more complex than it was, still failing,
   * and here to the boundary: a list whose sum is exactly the limit.
   */
  @SimProperty
  Property<Long> shrinking_isDeterministic_andReachesTheBoundary() {
    return Property.of("shrinking is deterministic and reaches the boundary", SEEDS, seed -> {
      Property<List<Integer>> sumBelow300 = Property.of("sum below 300", LISTS,
          list -> Verdict.that(sum(list) < 300, "sum-too-big", "sum " + sum(list)));
      PropertyRunner runner = new PropertyRunner(PropertyConfig.defaults().withTries(20).withStartSeed(seed));
      PropertyResult<List<Integer>> first = runner.run(sumBelow300);
      PropertyResult<List<Integer>> second = runner.run(sumBelow300);
      if (first.passed() || second.passed()) {
        return Verdict.that(first.passed() && second.passed(), "nondeterministic", "one run passed, one failed");
      }
      PropertyResult.Failure<List<Integer>> failure = first.failure().orElseThrow();
      if (!failure.shrunk().equals(second.failure().orElseThrow().shrunk())) {
        return Verdict.fail("nondeterministic", failure.shrunk() + " then " + second.failure().orElseThrow().shrunk());
      }
      if (failure.original().isSimplerThan(failure.shrunk())) {
        return Verdict.fail("shrink-grew", failure.original() + " shrank to " + failure.shrunk());
      }
      return Verdict.that(sum(failure.value()) == 300, "not-the-boundary",
          failure.value() + " (" + failure.shrunk() + ") sums to " + sum(failure.value()));
    });
  }

  /** A choice sequence's text parses back to the same sequence: failure files and -Ddetsim.replay rely on it. */
  @SimProperty
  Property<List<Long>> choiceText_parsesBackToTheSameSequence() {
    return Property.of("choice text parses back", Gen.listOf(SEEDS, 0, 30), values -> {
      ChoiceSequence sequence = ChoiceSequence.of(values.stream().mapToLong(Long::longValue).toArray());
      ChoiceSequence parsed = ChoiceSequence.parse(sequence.toText());
      return Verdict.that(parsed.equals(sequence), "text-differs", sequence + " parsed as " + parsed);
    }).withLabels(values -> List.of(values.isEmpty() ? "empty" : values.size() < 5 ? "short" : "long",
        values.stream().anyMatch(value -> value < 0) ? "has-negative" : "no-negative"));
  }

  private static long sum(List<Integer> list) {
    return list.stream().mapToLong(Integer::longValue).sum();
  }
}
