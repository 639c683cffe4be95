package io.detsim.replay.campaign;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class CheckpointTest {
  private static Checkpoint sample(String stoppedBy) {
    TreeMap<String, Long> byKind = new TreeMap<>();
    byKind.put("DATA_LOSS", 3L);
    byKind.put("SILENT_DROP", 1L);
    Tally tally = new Tally(42, 1, 4, 123_456_789_000L, -8_000_000_000_000_000_000L, 9_876_543_210L, byKind,
        List.of(new FoundFailure("DATA_LOSS", 7, -5L), new FoundFailure("SILENT_DROP", 30, 0x1234L)),
        List.of(new WrittenFailure("DATA_LOSS", -5L, Path.of("target/x \"quoted\".detsim"), 40, 12)));
    return new Checkpoint("swarm", List.of("ack-before-sync"), 0xdeadbeefL, new Shard(1, 3), Long.MAX_VALUE, true,
        tally, stoppedBy);
  }

  @Test
  void checkpoint_readsBackWhatItWrote() {
    Checkpoint running = sample(Checkpoint.RUNNING);
    assertThat(Checkpoint.parse(running.toJson(false))).isEqualTo(running);
    assertThat(running.finished()).isFalse();
  }

  @Test
  void summaryForPeople_readsBackToo() {
    Checkpoint done = sample("time");
    String json = done.toJson(true);
    assertThat(json).contains("\"startSeedHex\": \"0x00000000deadbeef\"").contains("\"seeds\": 42")
        .contains("\"nextSeedIndex\": 127");
    assertThat(Checkpoint.parse(json)).isEqualTo(done);
    assertThat(done.finished()).isTrue();
  }

  @Test
  void malformedCheckpoint_isRefusedWithTheProblem() {
    assertThatThrownBy(() -> Checkpoint.parse("{\"version\": 1}")).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("failuresByKind");
    assertThatThrownBy(() -> Checkpoint.parse("{\"version\": 1")).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("character");
  }
}
