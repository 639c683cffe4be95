package io.detsim.properties.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.detsim.sim.port.Ratio;
import io.detsim.sim.random.Xoshiro256;
import java.util.List;
import org.junit.jupiter.api.Test;

class ChoiceSourceTest {

  @Test
  void recording_recordsEveryChoiceAndSpan() {
    RecordingChoiceSource source = new RandomChoiceSource(new Xoshiro256(1));
    source.startSpan("pair");
    long a = source.choose(0, 10);
    long b = source.choose(100, 200);
    source.endSpan();
    long c = source.choose(1, 3);

    ChoiceSequence recorded = source.toSequence();

    assertThat(a).isBetween(0L, 10L);
    assertThat(b).isBetween(100L, 200L);
    assertThat(recorded.values()).startsWith(a, b);
    assertThat(recorded.size()).isEqualTo(c == 1 ? 2 : 3);
    assertThat(recorded.spans()).containsExactly(new ChoiceSequence.Span(0, 2, "pair"));
  }

  @Test
  void replay_ofARecordedSequence_givesTheSameValue() {
    Gen<List<List<Integer>>> gen = Gen.listOf(Gen.listOf(Gen.ints(-50, 50), 0, 4), 1, 6);
    for (long seed = 0; seed < 50; seed++) {
      RecordingChoiceSource recording = new RandomChoiceSource(new Xoshiro256(seed));
      List<List<Integer>> value = gen.generate(recording);
      ChoiceSequence recorded = recording.toSequence();

      ReplayChoiceSource replay = new ReplayChoiceSource(ChoiceSequence.parse(recorded.toText()));

      assertThat(gen.generate(replay)).isEqualTo(value);
      assertThat(replay.toSequence()).isEqualTo(recorded);
      assertThat(replay.toSequence().spans()).isEqualTo(recorded.spans());
    }
  }

  @Test
  void replay_pastTheEnd_returnsTheMinimum() {
    ReplayChoiceSource source = new ReplayChoiceSource(ChoiceSequence.of(5));
    assertThat(source.choose(0, 10)).isEqualTo(5);
    assertThat(source.choose(3, 10)).isEqualTo(3);
    assertThat(source.choose(-7, 10)).isZero(); // the simplest value: the one closest to 0
    assertThat(source.choose(-7, -2)).isEqualTo(-2);
    assertThat(source.chance(Ratio.of(99, 100))).isFalse();
  }

  @Test
  void replay_ofNothing_givesTheSimplestValue() {
    ReplayChoiceSource source = new ReplayChoiceSource(ChoiceSequence.EMPTY);
    assertThat(Gen.listOf(Gen.ints(0, 9), 2, 5).generate(source)).containsExactly(0, 0);
    assertThat(Gen.ints(-5, 5).generate(new ReplayChoiceSource(ChoiceSequence.EMPTY))).isZero();
    assertThat(Gen.ints(10, 20).generate(new ReplayChoiceSource(ChoiceSequence.EMPTY))).isEqualTo(10);
    assertThat(Gen.ints(-20, -10).generate(new ReplayChoiceSource(ChoiceSequence.EMPTY))).isEqualTo(-10);
  }

  @Test
  void replay_clampsValuesIntoTheRangeAskedFor() {
    ReplayChoiceSource source = new ReplayChoiceSource(ChoiceSequence.of(50, -50, 7));
    assertThat(source.choose(0, 10)).isEqualTo(10);
    assertThat(source.choose(0, 10)).isEqualTo(0);
    assertThat(source.choose(0, 1)).isEqualTo(1);
    assertThat(source.toSequence().values()).containsExactly(10, 0, 1);
  }

  @Test
  void forcedChoices_drawAndRecordNothing() {
    ReplayChoiceSource source = new ReplayChoiceSource(ChoiceSequence.of(4));
    assertThat(source.choose(7, 7)).isEqualTo(7);
    assertThat(source.chance(Ratio.ALWAYS)).isTrue();
    assertThat(source.chance(Ratio.NEVER)).isFalse();
    assertThat(source.choose(0, 9)).isEqualTo(4);
    assertThat(source.toSequence().values()).containsExactly(4);
  }

  @Test
  void recordedSequence_dropsTrailingMinimalChoices() {
    RecordingChoiceSource source = new ReplayChoiceSource(ChoiceSequence.of(3, 0, 5, 0, 5));
    source.choose(0, 9);
    source.choose(0, 9);
    source.choose(5, 9);
    source.choose(0, 9);
    source.choose(5, 9);
    assertThat(source.choicesDrawn()).isEqualTo(5);
    assertThat(source.toSequence().values()).containsExactly(3);
  }

  @Test
  void spans_emptyOrCancelledAreDropped_openOnesAreClosed() {
    RecordingChoiceSource source = new ReplayChoiceSource(ChoiceSequence.of(1, 2, 3));
    source.startSpan("outer");
    source.startSpan("empty");
    source.endSpan();
    source.startSpan("cancelled");
    source.choose(0, 9);
    source.cancelSpan();
    source.choose(0, 9);
    source.choose(0, 9);
    assertThat(source.toSequence().spans()).containsExactly(new ChoiceSequence.Span(0, 3, "outer"));
  }

  @Test
  void endSpan_withoutStart_isAnError() {
    RecordingChoiceSource source = new ReplayChoiceSource(ChoiceSequence.EMPTY);
    assertThatThrownBy(source::endSpan).isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("without a matching startSpan");
  }

  @Test
  void choose_emptyRange_isAnError() {
    assertThatThrownBy(() -> new ReplayChoiceSource(ChoiceSequence.EMPTY).choose(2, 1))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("empty range [2, 1]");
  }

  @Test
  void tooManyChoices_isAGenerationException() {
    RecordingChoiceSource source = new RandomChoiceSource(new Xoshiro256(3));
    assertThatThrownBy(() -> {
      while (true) {
        source.choose(0, 1);
      }
    }).isInstanceOf(GenerationException.class).hasMessageContaining("more than 100000 choices");
  }

  @Test
  void random_isUniformOnSmallRanges() {
    RecordingChoiceSource source = new RandomChoiceSource(new Xoshiro256(11));
    int[] counts = new int[10];
    for (int i = 0; i < 20_000; i++) {
      counts[(int) source.choose(0, 9)]++;
    }
    for (int count : counts) {
      assertThat(count).isBetween(1_800, 2_200);
    }
  }

  @Test
  void random_biasesLargeRangesTowardTheirEdges() {
    RecordingChoiceSource source = new RandomChoiceSource(new Xoshiro256(12));
    int min = 0;
    int max = 0;
    int nearZero = 0;
    for (int i = 0; i < 16_000; i++) {
      long value = source.choose(-1_000_000, 1_000_000);
      assertThat(value).isBetween(-1_000_000L, 1_000_000L);
      min += value == -1_000_000 ? 1 : 0;
      max += value == 1_000_000 ? 1 : 0;
      nearZero += Math.abs(value) <= 8 ? 1 : 0;
    }
    assertThat(min).isBetween(800, 1_200);
    assertThat(max).isBetween(800, 1_200);
    assertThat(nearZero).isBetween(800, 1_200);
  }

  @Test
  void random_coversTheWholeLongRange() {
    RecordingChoiceSource source = new RandomChoiceSource(new Xoshiro256(13));
    boolean negative = false;
    boolean positive = false;
    for (int i = 0; i < 100; i++) {
      long value = source.choose(Long.MIN_VALUE, Long.MAX_VALUE);
      negative |= value < -1_000_000_000L;
      positive |= value > 1_000_000_000L;
    }
    assertThat(negative).isTrue();
    assertThat(positive).isTrue();
  }

  @Test
  void random_chanceHonoursTheRatio() {
    RecordingChoiceSource source = new RandomChoiceSource(new Xoshiro256(14));
    int trues = 0;
    for (int i = 0; i < 10_000; i++) {
      trues += source.chance(Ratio.of(1, 10)) ? 1 : 0;
    }
    assertThat(trues).isBetween(850, 1_150);
  }

  @Test
  void enumerating_walksTheChoiceTreeDepthFirst() {
    long[] prefix = new long[0];
    StringBuilder visited = new StringBuilder();
    while (prefix != null) {
      EnumeratingChoiceSource source = new EnumeratingChoiceSource(prefix);
      long a = source.choose(0, 1);
      long b = a == 0 ? source.choose(0, 2) : 9;
      visited.append(a).append(b).append(' ');
      prefix = source.nextPrefix();
    }
    assertThat(visited.toString()).isEqualTo("00 01 02 19 ");
  }
}
