package io.detsim.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The {@code --corpus} folder, checked before any simulation runs: a campaign that could not save
 * what it found would learn so only at its first checkpoint or failure, hours later, with a stack
 * trace.
 */
final class CorpusFolder {
  private CorpusFolder() {}

  /** Creates {@code folder} when missing; a file in its place or a folder that cannot be written is a usage error. */
  static void prepare(Path folder) {
    if (Files.exists(folder) && !Files.isDirectory(folder)) {
      throw new UsageException("--corpus " + folder + ": is a file; expected a folder (it is created when missing)");
    }
    try {
      Files.createDirectories(folder);
      Path probe = Files.createTempFile(folder, ".detsim-write-check", ".tmp");
      Files.delete(probe);
    } catch (IOException | SecurityException cannotWrite) {
      throw new UsageException("--corpus " + folder + ": cannot write there (" + cannotWrite.getClass().getSimpleName()
          + ": " + cannotWrite.getMessage() + "); expected a folder this user can create and write");
    }
  }
}
