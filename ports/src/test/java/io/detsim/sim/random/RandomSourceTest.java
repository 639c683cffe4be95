package io.detsim.sim.random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.detsim.sim.port.RandomSource;
import io.detsim.sim.port.Ratio;
import org.junit.jupiter.api.Test;

class RandomSourceTest {

  /**
   * Pins the first outputs of a known seed. If this fails, every recorded seed and failure file of
   * every user replays differently: change the generator only with a new failure-file version.
   */
  @Test
  void knownSeed_givesPinnedOutputs() {
    Xoshiro256 random = new Xoshiro256(0x5eedL);
    long[] outputs = new long[4];
    for (int i = 0; i < outputs.length; i++) {
      outputs[i] = random.nextLong();
    }
    assertThat(outputs).containsExactly(PINNED);
    assertThat(SplitMix64.streamSeed(0x5eedL, "net")).isEqualTo(PINNED_STREAM_SEED);
  }

  private static final long[] PINNED = {
    -1210358410065458316L, -2164664542880791269L, -2834165613409827270L, -466718552644551933L};
  private static final long PINNED_STREAM_SEED = 2920950217546418284L;

  /** The reference xoshiro256** outputs for state {1, 2, 3, 4} (from the authors' C code). */
  @Test
  void generator_matchesTheReferenceAlgorithm() {
    Xoshiro256 random = Xoshiro256.fromState(1, 2, 3, 4);
    assertThat(random.nextLong()).isEqualTo(11520L);
    assertThat(random.nextLong()).isEqualTo(0L);
    assertThat(random.nextLong()).isEqualTo(1509978240L);
    assertThat(random.nextLong()).isEqualTo(1215971899390074240L);
  }

  @Test
  void streams_sameNameSameSequence_otherNameOtherSequence() {
    RandomStreams streams = new RandomStreams(42);
    RandomSource a = streams.stream("net");
    RandomSource b = streams.stream("net");
    RandomSource c = streams.stream("disk");
    long first = a.nextLong();
    assertThat(b.nextLong()).isEqualTo(first);
    assertThat(c.nextLong()).isNotEqualTo(first);
    assertThat(new RandomStreams(43).stream("net").nextLong()).isNotEqualTo(first);
  }

  @Test
  void boundedDraws_stayInRange_andCoverIt() {
    Xoshiro256 random = new Xoshiro256(1);
    int[] counts = new int[7];
    for (int i = 0; i < 70_000; i++) {
      counts[(int) random.nextLong(7)]++;
    }
    for (int count : counts) {
      assertThat(count).isBetween(9_000, 11_000);
    }
    for (int i = 0; i < 10_000; i++) {
      assertThat(random.nextLong(-5, 5)).isBetween(-5L, 5L);
      assertThat(random.nextDouble()).isGreaterThanOrEqualTo(0.0).isLessThan(1.0);
    }
    assertThat(random.nextLong(Long.MIN_VALUE, Long.MAX_VALUE)).isNotNull();
    assertThatThrownBy(() -> random.nextLong(0)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> random.nextLong(3, 2)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void chance_isExactAtTheEnds_andCloseInBetween() {
    Xoshiro256 random = new Xoshiro256(2);
    int hits = 0;
    for (int i = 0; i < 100_000; i++) {
      assertThat(random.chance(Ratio.NEVER)).isFalse();
      assertThat(random.chance(Ratio.ALWAYS)).isTrue();
      if (random.chance(Ratio.of(1, 4))) {
        hits++;
      }
    }
    assertThat(hits).isBetween(24_000, 26_000);
  }

  @Test
  void gaussian_hasMeanZeroAndUnitVariance() {
    Xoshiro256 random = new Xoshiro256(3);
    double sum = 0;
    double squares = 0;
    int n = 100_000;
    for (int i = 0; i < n; i++) {
      double value = random.nextGaussian();
      sum += value;
      squares += value * value;
    }
    assertThat(sum / n).isBetween(-0.02, 0.02);
    assertThat(squares / n).isBetween(0.97, 1.03);
  }

  @Test
  void ratio_parsesAndValidates() {
    assertThat(Ratio.parse("1/100")).isEqualTo(Ratio.of(1, 100));
    assertThat(Ratio.parse(" 0 ")).isEqualTo(Ratio.NEVER);
    assertThat(Ratio.of(1, 3)).isLessThan(Ratio.of(1, 2));
    assertThatThrownBy(() -> Ratio.parse("abc")).hasMessageContaining("not a ratio");
    assertThatThrownBy(() -> Ratio.of(3, 2)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Ratio.of(1, 0)).isInstanceOf(IllegalArgumentException.class);
  }
}
