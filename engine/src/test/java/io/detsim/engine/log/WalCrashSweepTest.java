package io.detsim.engine.log;

import static org.assertj.core.api.Assertions.assertThat;

import io.detsim.engine.planted.EngineMutant;
import io.detsim.sim.disk.DiskOptions;
import io.detsim.sim.port.RandomSource;
import io.detsim.sim.port.Ratio;
import io.detsim.sim.random.Xoshiro256;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Crashes a workload of appends, commits, compactions and sync completions at every step, recovers,
 * and checks guarantee 1 of docs/engine.md at the log's level: every record whose commit callback ran is
 * recovered, in order, and nothing comes back that was not appended. Each run then lives on through
 * two more crashes at seeded points, so recovery's cuts are tested by the appends that follow them.
 */
class WalCrashSweepTest {
  private static final int SEEDS = 40;
  private static final int FIRST_LIFE_STEPS = 60;
  private static final int LATER_LIFE_STEPS_MAX = 60;
  private static final DiskOptions TEARING_DISK = DiskOptions.none().withTornWriteRatio(Ratio.of(1, 2));

  @Test
  void crashAtEveryStep_recoversEveryAcknowledgedRecord_inOrder_withoutGarbage() {
    Totals totals = sweep(Set.of(), /* compactEagerly= */ false);
    assertThat(totals.violations).isEmpty();
    assertThat(totals.acknowledged).as("the workload acknowledged records").isGreaterThan(1_000);
    assertThat(totals.tornWrites).as("the disk tore writes").isGreaterThan(100);
    assertThat(totals.cuts).as("recovery cut tails").isGreaterThan(100);
  }

  @Test
  void crashAtEveryStepOfCompaction_recoversOldOrNewState_neverAMix() {
    Totals totals = sweep(Set.of(), /* compactEagerly= */ true);
    assertThat(totals.violations).isEmpty();
    assertThat(totals.compactionsInstalled).as("compactions completed").isGreaterThan(500);
    assertThat(totals.abandonedCompactions).as("crashes caught a compaction half-way").isGreaterThan(100);
  }

  @Test
  void diskCorruption_neverYieldsGarbage_andLossIsAlwaysReported() {
    Totals totals = new Totals();
    for (long seed = 0; seed < SEEDS; seed++) {
      for (int crashStep = 0; crashStep <= FIRST_LIFE_STEPS; crashStep += 3) {
        runCorrupted(seed, crashStep, totals);
      }
    }
    assertThat(totals.violations).isEmpty();
    assertThat(totals.reportedLosses).as("corruption of synced records happened and was reported").isGreaterThan(50);
  }

  /** One corruption of durable bytes before the crash: acknowledged records may go, but never silently. */
  private static void runCorrupted(long seed, int crashStep, Totals totals) {
    String replay = "seed=" + seed + " crashStep=" + crashStep + " corrupted: ";
    RandomSource workload = new Xoshiro256(seed * 31 + crashStep);
    WalHarness harness = new WalHarness(seed, TEARING_DISK, Set.of());
    harness.start();
    for (int step = 0; step < crashStep; step++) {
      harness.randomStep(workload);
    }
    harness.disk.corrupt(new Xoshiro256(~seed));
    harness.crash();
    Optional<String> violation = harness.start();
    if (violation.isPresent() && violation.get().startsWith("lost acknowledged") && !harness.lastCuts.isEmpty()) {
      totals.reportedLosses++; // what the fault model allows: a corrupt synced record stops recovery
    } else {
      violation.ifPresent(text -> totals.violations.add(replay + text));
    }
  }

  @Test
  void tornTailNotCutMutant_losesAcknowledgedRecords() {
    Totals totals = sweep(Set.of(EngineMutant.TORN_TAIL_NOT_CUT), /* compactEagerly= */ false);
    assertThat(totals.violations)
        .as("the sweep catches the mutant")
        .isNotEmpty()
        .anySatisfy(violation -> assertThat(violation).contains("lost acknowledged records"));
  }

  /** What a sweep saw, summed over every run. */
  private static final class Totals {
    final List<String> violations = new ArrayList<>();
    long acknowledged;
    long tornWrites;
    long cuts;
    long compactionsInstalled;
    long abandonedCompactions;
    long reportedLosses;

    @Override
    public String toString() {
      return "acknowledged=" + acknowledged + " tornWrites=" + tornWrites + " cuts=" + cuts
          + " compactionsInstalled=" + compactionsInstalled + " abandonedCompactions=" + abandonedCompactions
          + " violations=" + violations.size();
    }
  }

  private static Totals sweep(Set<EngineMutant> planted, boolean compactEagerly) {
    Totals totals = new Totals();
    for (long seed = 0; seed < SEEDS; seed++) {
      for (int crashStep = 0; crashStep <= FIRST_LIFE_STEPS; crashStep++) {
        runOnce(seed, crashStep, planted, compactEagerly, totals);
      }
    }
    System.out.println("WAL crash sweep (planted " + planted + ", compactEagerly=" + compactEagerly + "): " + totals);
    return totals;
  }

  private static void runOnce(long seed, int crashStep, Set<EngineMutant> planted, boolean compactEagerly,
      Totals totals) {
    String replay = "seed=" + seed + " crashStep=" + crashStep + " compactEagerly=" + compactEagerly + ": ";
    RandomSource workload = new Xoshiro256(seed * 31 + crashStep);
    WalHarness harness = new WalHarness(seed, TEARING_DISK, planted);
    record(totals, replay, harness.start(), harness);
    int steps = crashStep;
    for (int life = 0; life < 3; life++) {
      for (int step = 0; step < steps; step++) {
        if (compactEagerly && workload.nextInt(4) == 0 && !harness.log.isCompacting()) {
          harness.compact();
        } else {
          harness.randomStep(workload);
        }
      }
      totals.acknowledged += harness.ackedEndLsn;
      totals.compactionsInstalled += harness.log.stats().compactions();
      harness.crash();
      Optional<String> violation = harness.start();
      record(totals, replay + "life " + life + ": ", violation, harness);
      steps = workload.nextInt(LATER_LIFE_STEPS_MAX + 1);
    }
    totals.tornWrites += harness.disk.stats().tornWrites();
  }

  private static void record(Totals totals, String replay, Optional<String> violation, WalHarness harness) {
    violation.ifPresent(text -> totals.violations.add(replay + text));
    totals.cuts += harness.lastCuts.size();
    totals.abandonedCompactions += harness.lastCuts.stream()
        .filter(cut -> cut.reason() == Cut.Reason.ABANDONED_COMPACTION)
        .count();
  }
}
