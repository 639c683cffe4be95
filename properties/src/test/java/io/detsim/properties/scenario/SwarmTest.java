package io.detsim.properties.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.detsim.properties.core.ChoiceSequence;
import io.detsim.properties.core.Gen;
import io.detsim.properties.core.Property;
import io.detsim.properties.core.PropertyConfig;
import io.detsim.properties.core.PropertyResult;
import io.detsim.properties.core.PropertyRunner;
import io.detsim.properties.core.Verdict;
import io.detsim.sim.fault.FaultKind;
import io.detsim.sim.port.Ratio;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The one swarm: subsets of the eligible kinds, every size given a turn, a function of its choices, shrinking to what a failure needs. */
class SwarmTest {
  private static final Gen<Swarm> ALL = Swarm.gen(EnumSet.allOf(FaultKind.class));

  @Test
  void swarms_giveSmallAndLargeSubsetsATurn_andTheirOptionsFollowTheirKinds() {
    Set<Set<FaultKind>> distinct = new HashSet<>();
    boolean sawFew = false;
    boolean sawMost = false;
    long kindsEnabled = 0;
    for (long seed = 0; seed < 2_000; seed++) {
      Swarm swarm = PropertyRunner.generateTry(ALL, seed).value();
      kindsEnabled += swarm.enabled().size();
      distinct.add(swarm.enabled());
      sawFew |= swarm.enabled().size() <= 2; // P = 106/16384 a try: about 13 in 2,000
      sawMost |= swarm.enabled().size() >= FaultKind.values().length - 2; // the same, by symmetry
      assertThat(swarm.options().network().loss().isNever()).isEqualTo(!swarm.has(FaultKind.LOSS));
      assertThat(swarm.options().network().duplicate().isNever()).isEqualTo(!swarm.has(FaultKind.DUPLICATE));
      assertThat(swarm.options().network().reorder().isNever()).isEqualTo(!swarm.has(FaultKind.REORDER));
      assertThat(swarm.tornWrites().isNever()).isEqualTo(!swarm.has(FaultKind.DISK));
      assertThat(swarm.options().shuffleTies()).isEqualTo(swarm.has(FaultKind.SHUFFLE_TIES));
      assertThat(swarm.options().buggify().enabled()).isEqualTo(swarm.has(FaultKind.BUGGIFY));
    }
    assertThat(distinct.size()).isGreaterThan(1_000);
    // A fair coin per kind: 7 of 14 on average (the mean of 2,000 swarms has a deviation of 0.04).
    assertThat(kindsEnabled / 2_000.0).isBetween(6.8, 7.2);
    assertThat(sawFew).isTrue();
    assertThat(sawMost).isTrue();
  }

  @Test
  void onlyEligibleKinds_areEnabled_andTheSameChoicesGiveTheSameSwarm() {
    Gen<Swarm> gen = Swarm.gen(EnumSet.of(FaultKind.LOSS, FaultKind.CRASH));
    for (long seed = 0; seed < 200; seed++) {
      PropertyRunner.GeneratedTry<Swarm> drawn = PropertyRunner.generateTry(gen, seed);
      assertThat(EnumSet.of(FaultKind.LOSS, FaultKind.CRASH)).containsAll(drawn.value().enabled());
      assertThat(PropertyRunner.regenerate(gen, drawn.choices())).isEqualTo(drawn.value());
    }
  }

  @Test
  void theSimplestChoices_areTheHappyPath() {
    assertThat(PropertyRunner.regenerate(ALL, ChoiceSequence.of(new long[FaultKind.values().length])))
        .isEqualTo(Swarm.none());
  }

  @Test
  void aFailureNeedingLoss_shrinksToLossAlone_atItsGentlestRate() {
    Property<Swarm> property = Property.of("never lossy", ALL,
        swarm -> Verdict.that(!swarm.has(FaultKind.LOSS), "lossy", "loss enabled"));
    PropertyResult<Swarm> result = new PropertyRunner(PropertyConfig.defaults().withTries(200)).run(property);
    Swarm shrunk = result.failure().orElseThrow().value();
    assertThat(shrunk.enabled()).containsExactly(FaultKind.LOSS);
    assertThat(shrunk.loss()).isEqualTo(Ratio.of(1, 500));
  }

  @Test
  void aFailureNeedingTwoKinds_shrinksToThoseTwoAlone_inAFewChoices() {
    // BURST and SHUFFLE_TIES are far down FaultKind's order, so a random swarm that has them holds
    // others drawn before them: each of those must be deletable on its own, whatever it is.
    Property<Swarm> property = Property.of("never bursts with shuffled ties", ALL,
        swarm -> Verdict.that(!(swarm.has(FaultKind.BURST) && swarm.has(FaultKind.SHUFFLE_TIES)), "burst", "both"));
    for (long seed = 0; seed < 20; seed++) {
      PropertyResult<Swarm> result = new PropertyRunner(PropertyConfig.defaults().withTries(200).withStartSeed(seed * 1_000))
          .run(property);
      PropertyResult.Failure<Swarm> failure = result.failure().orElseThrow();
      assertThat(failure.value().enabled()).as("seed %d", seed)
          .containsExactlyInAnyOrder(FaultKind.BURST, FaultKind.SHUFFLE_TIES);
      // One more, BURST's index, one more, SHUFFLE_TIES's index (the stop decision, 0, is left out).
      assertThat(failure.shrunkSize()).as("seed %d: %s", seed, failure.shrunk()).isEqualTo(4);
    }
  }

  @Test
  void pick_namesAnEnabledKindByItsOwnIndex_andSpreadsTheOthersOverTheEnabledOnes() {
    List<FaultKind> kinds = List.of(FaultKind.CRASH, FaultKind.PAUSE, FaultKind.PARTITION, FaultKind.CLOG);
    Swarm swarm = Swarm.only(EnumSet.of(FaultKind.PAUSE, FaultKind.CLOG));
    assertThat(swarm.pick(kinds, 1)).isEqualTo(FaultKind.PAUSE);
    assertThat(swarm.pick(kinds, 3)).isEqualTo(FaultKind.CLOG);
    assertThat(swarm.pick(kinds, 0)).isEqualTo(FaultKind.PAUSE); // 0 mod 2: the first enabled
    assertThat(swarm.pick(kinds, 2)).isEqualTo(FaultKind.PAUSE); // 2 mod 2
    assertThatThrownBy(() -> Swarm.only(EnumSet.of(FaultKind.LOSS)).pick(kinds, 0))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("enables none of");
  }
}
