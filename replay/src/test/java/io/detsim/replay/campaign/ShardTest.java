package io.detsim.replay.campaign;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

class ShardTest {
  @Test
  void shardsOfACampaign_coverEverySeedIndexExactlyOnce() {
    for (int count = 1; count <= 5; count++) {
      List<Long> indices = new ArrayList<>();
      for (int index = 0; index < count; index++) {
        Shard shard = new Shard(index, count);
        for (long ordinal = 0; ordinal < 20; ordinal++) {
          indices.add(shard.seedIndex(ordinal));
        }
      }
      TreeSet<Long> distinct = new TreeSet<>(indices);
      assertThat(distinct).hasSameSizeAs(indices);
      assertThat(distinct.first()).isZero();
      assertThat(distinct.last()).isEqualTo(20L * count - 1);
    }
  }

  @Test
  void parse_readsIOverNAndRefusesTheRest() {
    assertThat(Shard.parse("2/4")).isEqualTo(new Shard(2, 4));
    assertThat(Shard.parse("0/1")).isEqualTo(Shard.ALL);
    assertThat(Shard.parse("3/8").toString()).isEqualTo("3/8");
    assertThatThrownBy(() -> Shard.parse("4/4")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Shard.parse("1-4")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Shard.parse("a/b")).isInstanceOf(IllegalArgumentException.class);
  }
}
