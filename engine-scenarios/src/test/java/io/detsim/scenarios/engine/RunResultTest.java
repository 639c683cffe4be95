package io.detsim.scenarios.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.detsim.scenarios.engine.validate.ChaosTestStats;
import io.detsim.scenarios.engine.validate.Violation;
import java.util.List;
import org.junit.jupiter.api.Test;

class RunResultTest {

  @Test
  void aRunThatBreaksSeveralChecks_isReportedAsTheMostSevere_acknowledgedLossFirst() {
    Violation stalled = Violation.of(Violation.Kind.SILENT_DROP, 41_000, "2 observations neither ACCEPTED nor REJECTED");
    Violation late = Violation.of(Violation.Kind.CONSISTENCY_TIMEOUT, 40_000, "a-9 not visible");
    Violation lost = Violation.of(Violation.Kind.DATA_LOSS, 42_000, "1 acknowledged observations missing: a-3");

    RunResult result = new RunResult(List.of(stalled, late, lost), 0, 42_000, List.of(), new ChaosTestStats(), List.of());

    assertThat(result.violation()).contains(lost);
    assertThat(result.violations()).as("every breach is kept, most severe first").containsExactly(lost, late, stalled);
  }

  @Test
  void breachesOfTheSameKind_areOrderedByTime() {
    Violation later = Violation.of(Violation.Kind.SEQUENCE_VIOLATION, 9, "later");
    Violation earlier = Violation.of(Violation.Kind.SEQUENCE_VIOLATION, 3, "earlier");

    assertThat(List.of(later, earlier).stream().sorted(Violation.mostSevereFirst())).containsExactly(earlier, later);
  }
}
