package io.detsim.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.detsim.sim.buggify.BuggifyOptions;
import io.detsim.sim.disk.DiskOptions;
import io.detsim.sim.fault.FaultKind;
import io.detsim.sim.net.NetworkOptions;
import io.detsim.sim.port.Ratio;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class OptionsTest {

  @Test
  void none_meansNoFault_inEveryModel() {
    NetworkOptions network = NetworkOptions.none();
    assertThat(List.of(network.loss(), network.duplicate(), network.reorder(), network.tailRatio()))
        .containsOnly(Ratio.NEVER);
    assertThat(network.delayMaxNanos()).isZero();
    assertThat(DiskOptions.none().tornWriteRatio()).isEqualTo(Ratio.NEVER);
    assertThat(BuggifyOptions.none().enabled()).isFalse();
    assertThat(SimOptions.none().shuffleTies()).isFalse();
  }

  @Test
  void constructors_refuseNonsense() {
    assertThatThrownBy(() -> NetworkOptions.none().withLatency(5, 1)).hasMessageContaining("latency");
    assertThatThrownBy(() -> NetworkOptions.none().withDelay(-1, 1)).hasMessageContaining("delay");
    assertThatThrownBy(() -> NetworkOptions.none().withTail(Ratio.of(1, 2), 1)).hasMessageContaining("tail");
    assertThatThrownBy(() -> DiskOptions.none().withSyncLatencyNanos(10, 5)).hasMessageContaining("sync latency");
    assertThatThrownBy(() -> new SimOptions(null, DiskOptions.none(), BuggifyOptions.none(), false))
        .isInstanceOf(NullPointerException.class);
  }

  @Test
  void healed_keepsLatency_andDropsEveryFault() {
    NetworkOptions faulty = NetworkOptions.none().withLatency(2, 9).withLoss(Ratio.of(1, 3))
        .withDuplicate(Ratio.of(1, 4)).withReorder(Ratio.of(1, 5)).withDelay(1, 7).withTail(Ratio.of(1, 9), 100);
    NetworkOptions healed = faulty.healed();
    assertThat(healed.latencyMinNanos()).isEqualTo(2);
    assertThat(healed.latencyMaxNanos()).isEqualTo(9);
    assertThat(List.of(healed.loss(), healed.duplicate(), healed.reorder(), healed.tailRatio())).containsOnly(Ratio.NEVER);
    assertThat(healed.delayMaxNanos()).isZero();
  }

  @Test
  void swarm_isAFunctionOfTheSeed_andGivesSmallAndLargeSubsetsATurn() {
    assertThat(SweepPlan.plan(99)).isEqualTo(SweepPlan.plan(99));
    Set<Set<FaultKind>> distinct = new HashSet<>();
    boolean sawNone = false;
    boolean sawMost = false;
    for (long seed = 0; seed < 2_000; seed++) {
      SweepPlan.Plan plan = SweepPlan.plan(seed);
      distinct.add(plan.enabled());
      sawNone |= plan.enabled().size() <= 2; // P = 106/16384 a seed: about 13 in 2,000
      sawMost |= plan.enabled().size() >= FaultKind.values().length - 2; // the same, by symmetry
      assertThat(plan.options().network().loss().isNever()).isEqualTo(!plan.isEnabled(FaultKind.LOSS));
      assertThat(plan.options().shuffleTies()).isEqualTo(plan.isEnabled(FaultKind.SHUFFLE_TIES));
      assertThat(plan.options().buggify().enabled()).isEqualTo(plan.isEnabled(FaultKind.BUGGIFY));
    }
    assertThat(distinct.size()).isGreaterThan(1_000);
    assertThat(sawNone).isTrue();
    assertThat(sawMost).isTrue();
  }

  @Test
  void swarm_choosesOnlyAmongEligibleKinds_withoutShiftingTheOthers() {
    EnumSet<FaultKind> eligible = EnumSet.of(FaultKind.LOSS, FaultKind.CRASH);
    for (long seed = 0; seed < 200; seed++) {
      SweepPlan.Plan restricted = SweepPlan.plan(seed, eligible);
      assertThat(eligible).containsAll(restricted.enabled());
      Set<FaultKind> expected = EnumSet.copyOf(SweepPlan.plan(seed).enabled().isEmpty()
          ? EnumSet.noneOf(FaultKind.class) : EnumSet.copyOf(SweepPlan.plan(seed).enabled()));
      expected.retainAll(eligible);
      assertThat(restricted.enabled()).isEqualTo(expected);
    }
  }
}
