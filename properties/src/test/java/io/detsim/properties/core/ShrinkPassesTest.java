package io.detsim.properties.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

class ShrinkPassesTest {
  private static ChoiceSequence.Span span(int start, int end, String label) {
    return new ChoiceSequence.Span(start, end, label);
  }

  @Test
  void siblingRuns_groupAdjacentSpansOfOneParentAndLabel() {
    List<ChoiceSequence.Span> spans = List.of(
        span(0, 7, "list"),
        span(0, 2, "item"), span(2, 4, "item"), span(4, 5, "item"), span(5, 7, "other"),
        span(7, 8, "item"), span(8, 9, "item"));

    assertThat(SequenceStructure.siblingRuns(spans)).containsExactly(
        List.of(span(7, 8, "item"), span(8, 9, "item")), // the root's children come first
        List.of(span(0, 2, "item"), span(2, 4, "item"), span(4, 5, "item")));
  }

  @Test
  void sortSiblings_ordersElementsForTheSmallestConcatenation() {
    Gen<List<Integer>> gen = Gen.listOf(Gen.ints(0, 100), 0, 10);
    Property<List<Integer>> property = Property.of("multiset", gen,
        list -> Verdict.that(list.size() < 3, "size", list.toString()));
    Function<ChoiceSequence, Outcome> test = sequence -> Trial.outcome(property, sequence);
    Outcome.Fail start = (Outcome.Fail) test.apply(ChoiceSequence.of(1, 9, 1, 3, 1, 7));
    ShrinkState state = new ShrinkState(test, 100, start);

    assertThat(ShrinkPasses.sortSiblings(state)).isTrue();

    assertThat(gen.generate(new ReplayChoiceSource(state.current()))).containsExactly(3, 7, 9);
    assertThat(state.attempts()).isEqualTo(1);
  }

  @Test
  void adoptFromSibling_mergesOneElementsKindWithAnothersTime() {
    // Faults as (kind, time). Fails with a kind-2 fault at 20 or earlier, and with the pair
    // [kind 2 at 300, kind 0 at 20], from which deleting either fault alone passes.
    Gen<List<long[]>> gen = Gen.listOf(source -> new long[] {source.choose(0, 3), source.choose(0, 500)}, 0, 4);
    Property<List<long[]>> property = Property.of("merge", gen, faults -> Verdict.that(
        faults.stream().noneMatch(f -> f[0] == 2 && f[1] <= 20)
            && !(faults.size() == 2 && faults.stream().anyMatch(f -> f[0] == 2)), "fault", ""));
    Function<ChoiceSequence, Outcome> test = sequence -> Trial.outcome(property, sequence);
    Outcome.Fail start = (Outcome.Fail) test.apply(ChoiceSequence.of(1, 2, 300, 1, 0, 20));
    ShrinkState state = new ShrinkState(test, 100, start);

    assertThat(ShrinkPasses.adoptFromSibling(state)).isTrue();

    assertThat(gen.generate(new ReplayChoiceSource(state.current())))
        .singleElement().satisfies(fault -> assertThat(fault).containsExactly(2, 20));
  }

  @Test
  void adoptFromSibling_findsAWindowBetweenTheTwoTimes() {
    // Crash times. One crash fails only inside the 40..100 ms a client streams; two fail when the
    // second is late (the first delayed the client). Deleting the first passes, lowering the second
    // alone passes, adopting the first's time 0 passes: only a time between finds the window.
    Gen<List<Long>> gen = Gen.listOf(source -> source.choose(0, 1000), 0, 4);
    Property<List<Long>> property = Property.of("window", gen, crashes -> Verdict.that(
        !(crashes.size() == 1 && crashes.get(0) >= 40 && crashes.get(0) <= 100)
            && !(crashes.size() == 2 && crashes.get(1) >= 600), "crash", ""));
    Function<ChoiceSequence, Outcome> test = sequence -> Trial.outcome(property, sequence);
    Outcome.Fail start = (Outcome.Fail) test.apply(ChoiceSequence.of(1, 0, 1, 680));
    ShrinkState state = new ShrinkState(test, 100, start);

    assertThat(ShrinkPasses.adoptFromSibling(state)).isTrue();

    assertThat(gen.generate(new ReplayChoiceSource(state.current()))).singleElement()
        .satisfies(crash -> assertThat(crash).isBetween(40L, 100L));
  }

  @Test
  void deleteSpans_triesLargestFirst() {
    ChoiceSequence sequence = new ChoiceSequence(new long[] {1, 2, 3, 4},
        List.of(span(0, 4, "all"), span(0, 1, "a"), span(1, 3, "b"), span(1, 3, "b again")));

    assertThat(SequenceStructure.spansLargestFirst(sequence))
        .containsExactly(span(0, 4, "all"), span(1, 3, "b"), span(0, 1, "a"));
  }

  @Test
  void redistributePairs_movesAnAmountToALaterChoice() {
    Function<ChoiceSequence, Outcome> test = sequence -> {
      long sum = 0;
      for (long value : sequence.values()) {
        sum += value;
      }
      return sum > 1000 && sequence.size() == 2 ? new Outcome.Fail("sum", "", sequence) : new Outcome.Pass(sequence);
    };
    ShrinkState state = new ShrinkState(test, 1_000, (Outcome.Fail) test.apply(ChoiceSequence.of(600, 500)));

    assertThat(ShrinkPasses.lowerChoices(state)).isTrue();
    assertThat(state.current().values()).containsExactly(501, 500);
    assertThat(ShrinkPasses.redistributePairs(state)).isTrue();
    assertThat(state.current().values()).containsExactly(0, 1001);
  }

  @Test
  void lowerDuplicates_lowersEqualChoicesTogether_howeverFarApart() {
    Function<ChoiceSequence, Outcome> test = sequence -> sequence.size() == 12 && sequence.value(1) == sequence.value(10)
        ? new Outcome.Fail("same", "", sequence) : new Outcome.Pass(sequence);
    long[] start = {0, 7, 0, 0, 0, 0, 0, 0, 0, 0, 7, 1};
    ShrinkState state = new ShrinkState(test, 100, (Outcome.Fail) test.apply(ChoiceSequence.of(start)));

    assertThat(ShrinkPasses.lowerDuplicates(state)).isTrue();

    assertThat(state.current().values()).containsExactly(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1);
  }

  @Test
  void repeatedValues_areGroupedByTheirPlaceInTheStructure() {
    // Two records [kind 3, node 1, 0, size] in a list: the node fields pair up, and the list's
    // "continue?" choices (also 1) form a group of their own.
    ChoiceSequence sequence = new ChoiceSequence(new long[] {1, 3, 1, 0, 0, 1, 3, 1, 0, 1001}, List.of(
        span(0, 10, "list"), span(0, 5, "optional element"), span(1, 5, "zip"),
        span(5, 10, "optional element"), span(6, 10, "zip")));

    assertThat(SequenceStructure.repeatedValuesByPlace(sequence)).containsExactly(List.of(0, 5), List.of(1, 6), List.of(2, 7));
  }
}
