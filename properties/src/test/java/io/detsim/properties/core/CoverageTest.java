package io.detsim.properties.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class CoverageTest {

  @Test
  void counts_tries_notOccurrences() {
    Labels labels = new Labels();
    labels.record(List.of("fault:CRASH", "fault:CRASH", "branch:gap"));
    labels.record(List.of("fault:CRASH"));
    labels.record(List.of());
    labels.record(List.of("branch:gap"));

    Coverage coverage = labels.coverage();

    assertThat(coverage.tries()).isEqualTo(4);
    assertThat(coverage.count("fault:CRASH")).isEqualTo(2);
    assertThat(coverage.count("branch:gap")).isEqualTo(2);
    assertThat(coverage.count("never")).isZero();
    assertThat(coverage.percent("fault:CRASH")).isEqualTo(50.0);
    assertThat(coverage.percent("never")).isZero();
  }

  @Test
  void labels_mostFrequentFirst_tiesByName() {
    Labels labels = new Labels();
    labels.record(List.of("b", "c", "a"));
    labels.record(List.of("c", "a"));
    labels.record(List.of("c"));
    assertThat(labels.coverage().labels()).containsExactly("c", "a", "b");
  }

  @Test
  void report_isAnAlignedTableWithRoundedPercentages() {
    Labels labels = new Labels();
    for (int i = 0; i < 300; i++) {
      labels.record(i % 3 == 0 ? List.of("fault:CRASH", "x") : List.of("x"));
    }
    labels.record(List.of("branch:gap"));

    assertThat(labels.coverage().report()).isEqualTo(String.join("\n",
        "coverage of 301 tries:",
        "  x            300   99.7%",
        "  fault:CRASH  100   33.2%",
        "  branch:gap     1    0.3%"));
  }

  @Test
  void report_ofNoLabels() {
    assertThat(Coverage.none().report()).isEqualTo("coverage of 0 tries: no labels");
  }
}
