package io.detsim.engine.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.detsim.engine.protocol.Priority;
import io.detsim.sim.port.NodeId;
import io.detsim.sim.port.Ratio;
import org.junit.jupiter.api.Test;

class ClientOptionsTest {
  private static final NodeId SERVER = NodeId.of("server");

  @Test
  void defaults_areValid_andStreamAtTheirRate() {
    ClientOptions options = ClientOptions.of(SERVER, "space-a");
    assertThat(options.ratePerSecond()).isEqualTo(1_000);
    assertThat(options.windowMax()).isEqualTo(64);
    assertThat(options.recallProbe().isEnabled()).isFalse();
    assertThat(options.close()).isEqualTo(ClosePolicy.WHEN_DONE);
  }

  @Test
  void constructor_refusesWhatCannotWork() {
    ClientOptions options = ClientOptions.of(SERVER, "space-a");
    assertThatThrownBy(() -> ClientOptions.of(SERVER, "A")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> options.withWindowMax(0)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> options.withRate(0)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> options.withRateFloor(2_000)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> options.withRetry(100, 50)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> options.withDimension(0)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> options.withObservationsTotal(-1)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new PriorityMix(0, 0, 0)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> RecallProbe.every(0, 5, true)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void withRate_lowersTheFloorWhenItWouldBeAboveTheRate() {
    assertThat(ClientOptions.of(SERVER, "space-a").withRateFloor(500).withRate(100).rateFloorPerSecond()).isEqualTo(100);
  }

  @Test
  void fixedPriorityMix_drawsNothing_andAMixDrawsEveryLane() {
    CountingRandom random = new CountingRandom();
    assertThat(PriorityMix.fixed(Priority.LOW).draw(random)).isEqualTo(Priority.LOW);
    assertThat(random.draws).isZero();
    PriorityMix mix = new PriorityMix(1, 1, 1);
    java.util.EnumSet<Priority> seen = java.util.EnumSet.noneOf(Priority.class);
    for (int i = 0; i < 100; i++) {
      seen.add(mix.draw(random));
    }
    assertThat(seen).containsExactlyInAnyOrder(Priority.values());
  }

  @Test
  void jitter_staysWithinItsShare_andDoublingStopsAtTheCap() {
    CountingRandom random = new CountingRandom();
    for (int i = 0; i < 100; i++) {
      assertThat(Backoff.jittered(1_000, Ratio.of(1, 4), random)).isBetween(1_000L, 1_250L);
    }
    assertThat(Backoff.jittered(1_000, Ratio.NEVER, random)).isEqualTo(1_000);
    assertThat(Backoff.doubled(300, 1_000)).isEqualTo(600);
    assertThat(Backoff.doubled(600, 1_000)).isEqualTo(1_000);
    assertThat(Backoff.doubled(1_000, 1_000)).isEqualTo(1_000);
  }

  /** A SplitMix64 stream that counts its draws. */
  private static final class CountingRandom implements io.detsim.sim.port.RandomSource {
    long state = 42;
    int draws;

    @Override
    public long nextLong() {
      draws++;
      long z = (state += 0x9e3779b97f4a7c15L);
      z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
      z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
      return z ^ (z >>> 31);
    }

    @Override
    public long nextLong(long bound) {
      return Math.floorMod(nextLong(), bound);
    }
  }
}
