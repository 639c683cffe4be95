package io.detsim.engine.server;

/**
 * FNV-1a over a string's UTF-16 code units: a hash that is the same in every run, JVM and JDK,
 * unlike {@code Object.hashCode} of most objects, for choosing a space's worker.
 */
final class StableHash {
  private StableHash() {}

  static long of(String text) {
    long hash = 0xcbf29ce484222325L;
    for (int i = 0; i < text.length(); i++) {
      hash = (hash ^ text.charAt(i)) * 0x100000001b3L;
    }
    return hash;
  }
}
