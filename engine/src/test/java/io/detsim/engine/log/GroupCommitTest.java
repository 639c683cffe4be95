package io.detsim.engine.log;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Group commit's always-on check: durability never runs ahead of what was appended. */
class GroupCommitTest {

  @Test
  void aRoundMakesDurableWhatWasAppendedWhenItStarted_andTellsTheWaiters() {
    long[] appended = {3};
    List<Runnable> syncs = new ArrayList<>();
    List<String> told = new ArrayList<>();
    GroupCommit commit = new GroupCommit(() -> appended[0], syncs::add, 0, point -> {}, false);
    commit.await(() -> told.add("first three"));
    appended[0] = 5; // appended while the round's sync is out: not covered by it
    syncs.remove(0).run();
    assertThat(commit.durableEndLsn()).isEqualTo(3);
    assertThat(told).containsExactly("first three");
  }

  @Test
  void durabilityBeyondTheAppendedEnd_failsWhereItHappens() {
    long[] appended = {3};
    GroupCommit commit = new GroupCommit(() -> appended[0], round -> {}, 0, point -> {}, false);
    // An installed snapshot that claimed records the log never appended: a bug, caught at the claim.
    assertThatThrownBy(() -> commit.durableThrough(7)).isInstanceOf(AssertionError.class)
        .hasMessage("durable end 7 beyond the appended end 3");
  }
}
