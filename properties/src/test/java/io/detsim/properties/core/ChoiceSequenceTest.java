package io.detsim.properties.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ChoiceSequenceTest {

  @Test
  void text_isVersionTagThenValues() {
    assertThat(ChoiceSequence.of(3, 17, 0, 0, 42).toText()).isEqualTo("v1 3 17 0 0 42");
    assertThat(ChoiceSequence.EMPTY.toText()).isEqualTo("v1");
    assertThat(ChoiceSequence.of(-5, Long.MIN_VALUE, Long.MAX_VALUE).toText())
        .isEqualTo("v1 -5 -9223372036854775808 9223372036854775807");
  }

  @Test
  void text_roundTrips() {
    for (ChoiceSequence sequence : List.of(ChoiceSequence.EMPTY, ChoiceSequence.of(0),
        ChoiceSequence.of(3, 17, 0, 0, 42), ChoiceSequence.of(-1, Long.MIN_VALUE, Long.MAX_VALUE, 7))) {
      ChoiceSequence parsed = ChoiceSequence.parse(sequence.toText());
      assertThat(parsed).isEqualTo(sequence);
      assertThat(parsed.values()).containsExactly(sequence.values());
      assertThat(parsed.toText()).isEqualTo(sequence.toText());
    }
  }

  @Test
  void text_ofARecordedSequence_roundTripsToEqualValuesWithoutSpans() {
    RandomChoiceSource source = new RandomChoiceSource(new io.detsim.sim.random.Xoshiro256(7));
    Gen.listOf(Gen.ints(0, 100), 1, 5).generate(source);
    ChoiceSequence recorded = source.toSequence();
    assertThat(recorded.spans()).isNotEmpty();

    ChoiceSequence parsed = ChoiceSequence.parse(recorded.toText());

    assertThat(parsed).isEqualTo(recorded).hasSameHashCodeAs(recorded);
    assertThat(parsed.spans()).isEmpty();
  }

  @Test
  void parse_acceptsAnyWhitespace() {
    assertThat(ChoiceSequence.parse("  v1\t1\n 2   3 \n")).isEqualTo(ChoiceSequence.of(1, 2, 3));
  }

  @Test
  void parse_rejectsAMissingOrWrongVersion() {
    assertThatThrownBy(() -> ChoiceSequence.parse(""))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("expected 'v1' at character 0");
    assertThatThrownBy(() -> ChoiceSequence.parse("v2 1 2"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("found 'v2'");
    assertThatThrownBy(() -> ChoiceSequence.parse("1 2 3"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("found '1'");
  }

  @Test
  void parse_namesThePositionOfAMalformedValue() {
    assertThatThrownBy(() -> ChoiceSequence.parse("v1 3 17 x9 42"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("malformed choice sequence: choice 2 at character 8, 'x9', is not a decimal integer");
    assertThatThrownBy(() -> ChoiceSequence.parse("v1 -"))
        .hasMessageContaining("choice 0 at character 3, '-'");
    assertThatThrownBy(() -> ChoiceSequence.parse("v1 +4"))
        .hasMessageContaining("'+4', is not a decimal integer");
    assertThatThrownBy(() -> ChoiceSequence.parse("v1 0 99999999999999999999"))
        .hasMessageContaining("choice 1 at character 5")
        .hasMessageContaining("outside the range of a long");
  }

  @Test
  void shortlex_shorterIsSimpler() {
    assertThat(ChoiceSequence.of(9, 9).isSimplerThan(ChoiceSequence.of(0, 0, 0))).isTrue();
    assertThat(ChoiceSequence.EMPTY.isSimplerThan(ChoiceSequence.of(0))).isTrue();
    assertThat(ChoiceSequence.of(0, 0, 0).isSimplerThan(ChoiceSequence.of(9, 9))).isFalse();
  }

  @Test
  void shortlex_atEqualLength_theFirstDifferenceDecides() {
    assertThat(ChoiceSequence.of(1, 9, 9).isSimplerThan(ChoiceSequence.of(2, 0, 0))).isTrue();
    assertThat(ChoiceSequence.of(2, 0, 0).isSimplerThan(ChoiceSequence.of(1, 9, 9))).isFalse();
    assertThat(ChoiceSequence.of(1, 2).compareTo(ChoiceSequence.of(1, 2))).isZero();
  }

  @Test
  void shortlex_ordersValuesByMagnitudePositiveFirst() {
    List<ChoiceSequence> sequences = new ArrayList<>();
    for (long value : new long[] {Long.MIN_VALUE, -2, Long.MAX_VALUE, 2, -1, 0, 1}) {
      sequences.add(ChoiceSequence.of(value));
    }
    sequences.sort(null);
    assertThat(sequences).extracting(sequence -> sequence.value(0))
        .containsExactly(0L, 1L, -1L, 2L, -2L, Long.MAX_VALUE, Long.MIN_VALUE);
  }

  @Test
  void values_isADefensiveCopy() {
    ChoiceSequence sequence = ChoiceSequence.of(1, 2);
    sequence.values()[0] = 99;
    assertThat(sequence.value(0)).isEqualTo(1);
  }

  @Test
  void spans_mustLieWithinTheValues() {
    assertThatThrownBy(() -> new ChoiceSequence(new long[] {1}, List.of(new ChoiceSequence.Span(0, 2, "x"))))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new ChoiceSequence.Span(2, 1, "x")).isInstanceOf(IllegalArgumentException.class);
  }
}
