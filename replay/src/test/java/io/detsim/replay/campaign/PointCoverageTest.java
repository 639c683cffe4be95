package io.detsim.replay.campaign;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A campaign's point coverage, added up from its runs' labels. */
class PointCoverageTest {

  @Test
  void countsRunsPerPoint_andFaultKindsPerPoint_andListsThePointsNoRunReached() {
    PointCoverage coverage = new PointCoverage();
    coverage.add(List.of("fault:CRASH", "point:compaction-start", "point:compaction-start:under:CRASH",
        "point:recovery-start", "point:steal:never"));
    coverage.add(List.of("point:recovery-start", "point:recovery-start:under:PAUSE", "point:compaction-start:never",
        "point:steal:never"));
    coverage.add(List.of("swarm:LOSS")); // a run of a scenario without points changes nothing but the run count

    assertThat(coverage.reached()).isEqualTo(Map.of("compaction-start", 1L, "recovery-start", 2L));
    assertThat(coverage.underFaults()).isEqualTo(
        Map.of("compaction-start", Map.of("CRASH", 1L), "recovery-start", Map.of("PAUSE", 1L)));
    assertThat(coverage.blind()).containsExactly("steal");
    assertThat(coverage.neverUnderCrash()).containsExactly("recovery-start", "steal");
    assertThat(coverage.report()).isEqualTo(String.join(System.lineSeparator(),
        "points reached in 3 runs:",
        "  compaction-start            1 runs  under CRASH 1",
        "  recovery-start              2 runs  under PAUSE 1",
        "points never reached (the fuzzer is blind there): steal",
        "points no crash struck (blind to crash bugs there):",
        "  recovery-start         reached in 2 runs, 1 of them with a crash at another time",
        "  steal                  never reached",
        "  (a crash lands in a point's window only when one run draws both: make the point more frequent, or aim"
            + " crashes at it, as in 'P@1+0ms crash NODE')"));
  }

  @Test
  void aPointTheScenarioLeavesBlindByDesign_carriesItsNote_onceForAllItsPoints_inPlaceOfTheAdvice() {
    PointCoverage coverage = new PointCoverage(Map.of("compaction-start", "rare here: see disk_faults",
        "steal", "one worker here", "recovery-end", "rare here: see disk_faults"));
    coverage.add(List.of("fault:CRASH", "point:recovery-start", "point:recovery-start:under:CRASH",
        "point:compaction-start", "point:steal:never", "point:recovery-end"));
    assertThat(coverage.report()).isEqualTo(String.join(System.lineSeparator(),
        "points reached in 1 runs:",
        "  compaction-start            1 runs  under no fault",
        "  recovery-end                1 runs  under no fault",
        "  recovery-start              1 runs  under CRASH 1",
        "points never reached (the fuzzer is blind there): steal [1]",
        "points no crash struck (blind to crash bugs there):",
        "  compaction-start       reached in 1 runs, 1 of them with a crash at another time [2]",
        "  recovery-end           reached in 1 runs, 1 of them with a crash at another time [2]",
        "  steal                  never reached [1]",
        "  [1] one worker here",
        "  [2] rare here: see disk_faults"));
  }

  @Test
  void anUnnotedPointAmongNotedOnes_keepsTheAdvice() {
    PointCoverage coverage = new PointCoverage(Map.of("compaction-start", "rare here: see disk_faults"));
    coverage.add(List.of("fault:CRASH", "point:recovery-start:under:CRASH", "point:recovery-start",
        "point:compaction-start", "point:steal"));
    assertThat(coverage.report()).contains("rare here: see disk_faults").contains("aim crashes at it");
  }

  @Test
  void aCampaignWithoutCrashes_listsNoPointAsUncrashed() {
    PointCoverage coverage = new PointCoverage();
    coverage.add(List.of("point:recovery-start", "point:recovery-start:under:DELAY"));
    assertThat(coverage.neverUnderCrash()).isEmpty();
    assertThat(coverage.report()).doesNotContain("no crash struck");
  }

  @Test
  void aScenarioThatAnnouncesNoPoints_saysSo() {
    PointCoverage coverage = new PointCoverage();
    coverage.add(List.of("fault:CRASH"));
    assertThat(coverage.report()).isEqualTo("points: none announced");
    assertThat(coverage.blind()).isEmpty();
  }
}
