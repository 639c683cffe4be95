package io.detsim.sim.random;

/**
 * SplitMix64's finaliser and stream derivation: the one place seeds are combined.
 *
 * <p>A named stream's seed is {@code mix(runSeed + GOLDEN_GAMMA * (1 + fnv1a64(name)))}: a strong
 * avalanche of the run seed and the stream name, so streams with similar names or seeds do not
 * correlate, and adding a stream leaves every other stream as it was.
 */
public final class SplitMix64 {
  static final long GOLDEN_GAMMA = 0x9E3779B97F4A7C15L;
  private static final long FNV_OFFSET = 0xcbf29ce484222325L;
  private static final long FNV_PRIME = 0x100000001b3L;

  private SplitMix64() {}

  /** The SplitMix64 finaliser (Stafford's variant 13): a bijection with full avalanche. */
  public static long mix(long z) {
    z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
    z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
    return z ^ (z >>> 31);
  }

  /** The seed of stream {@code name} of a run that started from {@code seed}. */
  public static long streamSeed(long seed, String name) {
    return mix(seed + GOLDEN_GAMMA * (1 + fnv1a64(name)));
  }

  /** FNV-1a over the UTF-16 code units of a string: specified, unlike {@code hashCode} of most objects. */
  public static long fnv1a64(String text) {
    long hash = FNV_OFFSET;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      hash = (hash ^ (c & 0xff)) * FNV_PRIME;
      hash = (hash ^ (c >>> 8)) * FNV_PRIME;
    }
    return hash;
  }
}
