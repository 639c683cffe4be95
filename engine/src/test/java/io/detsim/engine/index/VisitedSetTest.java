package io.detsim.engine.index;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class VisitedSetTest {
  @Test
  void aNodeIsVisitedOncePerSearch() {
    VisitedSet visited = new VisitedSet();
    visited.clear(10);
    assertThat(visited.visit(3)).isTrue();
    assertThat(visited.visit(3)).isFalse();
    visited.clear(10);
    assertThat(visited.visit(3)).isTrue();
  }

  @Test
  void growsToTheNodesOfTheSearch() {
    VisitedSet visited = new VisitedSet();
    visited.clear(100_000);
    assertThat(visited.visit(99_999)).isTrue();
    assertThat(visited.visit(99_999)).isFalse();
  }

  /**
   * 16-bit epochs come round again: neither a node never visited (stamp 0) nor one stamped 65,535
   * or 65,536 searches ago counts as visited in the search where the epoch wraps or the one after.
   */
  @Test
  void noStampCountsAsAVisitOnceTheEpochWraps() {
    for (int later : new int[] {65_535, 65_536}) {
      VisitedSet visited = new VisitedSet();
      visited.clear(10);
      visited.visit(7); // stamped with the first epoch
      for (int search = 0; search < later; search++) {
        visited.clear(10);
      }
      assertThat(visited.visit(5)).as("never visited, %d searches on", later).isTrue();
      assertThat(visited.visit(7)).as("visited %d searches ago", later).isTrue();
      assertThat(visited.visit(7)).isFalse();
    }
  }
}
