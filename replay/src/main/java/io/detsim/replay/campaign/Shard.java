package io.detsim.replay.campaign;

import java.util.Locale;

/**
 * A share of a campaign's seed indices: every {@code count}-th index starting at {@code index}, so
 * that {@code count} machines given shards {@code 0/count} to {@code count-1/count} split one
 * campaign with no seed run twice and none left out.
 */
public record Shard(int index, int count) {
  /** The whole campaign, on one machine. */
  public static final Shard ALL = new Shard(0, 1);

  public Shard {
    if (count < 1 || index < 0 || index >= count) {
      throw new IllegalArgumentException("a shard is I/N with 0 <= I < N: " + index + "/" + count);
    }
  }

  /** Parses {@code I/N}. */
  public static Shard parse(String text) {
    int slash = text.indexOf('/');
    if (slash < 0) {
      throw new IllegalArgumentException("a shard is I/N, like 0/4: '" + text + "'");
    }
    try {
      return new Shard(Integer.parseInt(text.substring(0, slash).trim()),
          Integer.parseInt(text.substring(slash + 1).trim()));
    } catch (NumberFormatException notNumbers) {
      throw new IllegalArgumentException("a shard is I/N, like 0/4: '" + text + "'");
    }
  }

  /** The campaign-wide seed index of this shard's {@code ordinal}-th seed. */
  public long seedIndex(long ordinal) {
    return index + ordinal * count;
  }

  @Override
  public String toString() {
    return String.format(Locale.ROOT, "%d/%d", index, count);
  }
}
