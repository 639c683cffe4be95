package io.detsim.bench.real;

/**
 * What every point of a sweep shares.
 *
 * @param warmupNanos sent but not measured: JIT compilation, first sessions, first index levels
 * @param measureNanos the measured window
 * @param spaces how many memory spaces the observations are spread over
 * @param recallsPerSecond the recall probe's rate during the stream; 0 for none
 * @param graceNanos after the last send, how long to wait for answers before counting the rest
 *     as unanswered
 * @param seed of the embeddings and of the engine's random streams
 * @param compactAfterRecords the engine's log records between compactions; {@link #ENGINE_DEFAULT} keeps the
 *     engine's (20,000). Each compaction serializes every held observation on the server's thread, so
 *     this knob bounds how much of that thread a long run spends on snapshots
 */
public record RunSettings(long warmupNanos, long measureNanos, int spaces, int recallsPerSecond, long graceNanos,
    long seed, long compactAfterRecords) {
  public static final long ENGINE_DEFAULT = 0;

  public RunSettings {
    if (warmupNanos < 0 || measureNanos <= 0 || spaces < 1 || recallsPerSecond < 0 || graceNanos < 0
        || compactAfterRecords < 0) {
      throw new IllegalArgumentException("needs warm-up >= 0, measurement > 0, spaces >= 1, recalls >= 0, grace >= 0");
    }
  }

  /** 2 s warm-up, 10 s measured, 16 spaces, 10 recalls/s, 30 s grace, seed 1, the engine's compaction. */
  public static RunSettings defaults() {
    return new RunSettings(2_000_000_000L, 10_000_000_000L, 16, 10, 30_000_000_000L, 1, ENGINE_DEFAULT);
  }
}
