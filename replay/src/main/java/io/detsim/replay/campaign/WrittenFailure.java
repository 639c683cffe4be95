package io.detsim.replay.campaign;

import java.nio.file.Path;
import java.util.Objects;

/**
 * A shrunk failure saved in the corpus.
 *
 * @param kind the kind of violation
 * @param seed the seed of the try that first failed
 * @param file where the failure file was written
 * @param originalSize choices of the failing try as found
 * @param shrunkSize choices after shrinking
 */
public record WrittenFailure(String kind, long seed, Path file, int originalSize, int shrunkSize) {
  public WrittenFailure {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(file, "file");
  }
}
