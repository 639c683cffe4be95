package io.detsim.properties.junit;

import io.detsim.properties.core.ChoiceSequence;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;

/**
 * The shrunk failures of each property, kept between runs so that a failure found once is tried
 * again first, until it is fixed, without waiting for the random tries to find it again.
 *
 * <p>One file a property, {@code <directory>/<fully qualified class>#<method>.choices}: a comment
 * header, then one choice sequence a line, without duplicates, simplest first (shortlex order), so
 * that the same failures always give the same file. A file is replaced whole (written beside it,
 * then renamed), so a run that dies while writing leaves the old file or the new one, never half
 * of one. A line that does not parse is a warning naming the file and line, and is otherwise
 * ignored (and dropped when the file is next written): a damaged database must never fail a run.
 *
 * <p>Out of scope: pruning sequences that pass again (they are kept and reported as passing), and
 * two JVMs writing one file at once (the last rename wins; no failure is lost that the next run
 * would not find again).
 */
final class FailureDatabase {
  static final String SUFFIX = ".choices";

  private final Optional<Path> directory;

  /** What a property's file holds. */
  record Stored(List<ChoiceSequence> sequences, List<String> warnings) {}

  FailureDatabase(Optional<Path> directory) {
    this.directory = directory;
  }

  boolean isEnabled() {
    return directory.isPresent();
  }

  /** The file of the property with {@code key} ({@code class#method}); empty when the database is off. */
  Optional<Path> fileOf(String key) {
    return directory.map(path -> path.resolve(key + SUFFIX).toAbsolutePath().normalize());
  }

  /** The stored failures of {@code key}, simplest first; never throws. */
  Stored load(String key) {
    Optional<Path> file = fileOf(key);
    if (file.isEmpty() || !Files.exists(file.get())) {
      return new Stored(List.of(), List.of());
    }
    List<String> lines;
    try {
      lines = Files.readAllLines(file.get(), StandardCharsets.UTF_8);
    } catch (IOException | RuntimeException unreadable) {
      return new Stored(List.of(), List.of("detsim: cannot read failure database file " + file.get()
          + ", ignoring it: " + unreadable));
    }
    TreeSet<ChoiceSequence> sequences = new TreeSet<>();
    List<String> warnings = new ArrayList<>();
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i).trim();
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      try {
        sequences.add(ChoiceSequence.parse(line));
      } catch (IllegalArgumentException malformed) {
        warnings.add("detsim: ignoring line " + (i + 1) + " of failure database file " + file.get() + ": "
            + malformed.getMessage());
      }
    }
    return new Stored(List.copyOf(sequences), List.copyOf(warnings));
  }

  /**
   * Adds {@code shrunk} to the failures of {@code key}, unless it is there already.
   *
   * @return true when it was added, false when it was stored already or the database is off
   * @throws IOException if the file cannot be written
   */
  boolean store(String key, ChoiceSequence shrunk) throws IOException {
    Optional<Path> file = fileOf(key);
    if (file.isEmpty()) {
      return false;
    }
    TreeSet<ChoiceSequence> sequences = new TreeSet<>(load(key).sequences());
    if (!sequences.add(shrunk)) {
      return false;
    }
    write(file.get(), key, sequences);
    return true;
  }

  private static void write(Path file, String key, TreeSet<ChoiceSequence> sequences) throws IOException {
    StringBuilder text = new StringBuilder()
        .append("# detsim failure database: shrunk failing inputs of ").append(key).append('\n')
        .append("# One choice sequence a line, replayed before the random tries. Delete the file to forget them.\n");
    for (ChoiceSequence sequence : sequences) {
      text.append(sequence.toText()).append('\n');
    }
    Files.createDirectories(file.getParent());
    Path temporary = Files.createTempFile(file.getParent(), file.getFileName().toString(), ".tmp");
    try {
      Files.writeString(temporary, text, StandardCharsets.UTF_8);
      try {
        Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException notAtomic) {
        Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING);
      }
    } finally {
      Files.deleteIfExists(temporary);
    }
  }
}
