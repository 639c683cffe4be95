package io.detsim.replay.file;

import io.detsim.properties.scenario.InputText;
import io.detsim.properties.scenario.Scenario;
import io.detsim.properties.scenario.ScenarioCatalogue;
import io.detsim.properties.scenario.TextLines;
import io.detsim.sim.fault.Durations;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Locale;

/**
 * Writes and reads failure files. The format is described in the package comment; {@link #format}
 * then {@link #parse} gives back an equal {@link FailureFile}.
 */
public final class FailureFiles {
  /** The format version this detsim writes and reads. */
  public static final int FORMAT = 1;

  /** The extension of failure files, which the corpus engine looks for. */
  public static final String EXTENSION = ".detsim";

  static final String HEADER =
      "# detsim failure file: edit [input] and [schedule] below; `./detsim replay FILE` runs them as written";

  private FailureFiles() {}

  /** The scenarios on the caller's class path (the thread's context class loader): what the one-argument forms use. */
  public static ScenarioCatalogue classPathScenarios() {
    return ScenarioCatalogue.load(Thread.currentThread().getContextClassLoader());
  }

  /** {@link #format(FailureFile, Scenario)} with the file's scenario from the class path. */
  public static String format(FailureFile file) {
    return format(file, scenarioOf(file, classPathScenarios()));
  }

  /** {@link #parse(String, String, ScenarioCatalogue)} against the scenarios on the class path. */
  public static FailureFile parse(String text, String sourceName) {
    return parse(text, sourceName, classPathScenarios());
  }

  /** {@link #read(Path, ScenarioCatalogue)} against the scenarios on the class path. */
  public static FailureFile read(Path path) {
    return read(path, classPathScenarios());
  }

  /** {@link #write(Path, FailureFile, Scenario)} with the file's scenario from the class path. */
  public static void write(Path path, FailureFile file) {
    write(path, file, scenarioOf(file, classPathScenarios()));
  }

  /** {@link #writeInto(Path, FailureFile, Scenario)} with the file's scenario from the class path. */
  public static Path writeInto(Path folder, FailureFile file) {
    return writeInto(folder, file, scenarioOf(file, classPathScenarios()));
  }

  static Scenario<?> scenarioOf(FailureFile file, ScenarioCatalogue catalogue) {
    return catalogue.named(file.scenario()).orElseThrow(() -> new IllegalArgumentException(
        "no scenario '" + file.scenario() + "' on the class path; known: " + String.join(", ", catalogue.names())));
  }

  /**
   * The file's text: header fields, then the scenario's editable sections ({@code [input]} and,
   * for the engine, {@code [schedule]}) when it has a text form.
   */
  public static String format(FailureFile file, Scenario<?> scenario) {
    StringBuilder text = new StringBuilder(HEADER).append('\n');
    text.append("format: ").append(file.format()).append('\n');
    text.append("detsim: ").append(file.detsimVersion()).append('\n');
    text.append("scenario: ").append(file.scenario()).append('\n');
    text.append("seed: ").append(hex(file.seed())).append('\n');
    text.append("mutants: ").append(file.plantedBugs().isEmpty() ? "none"
        : String.join(", ", file.plantedBugs())).append('\n');
    FailureFile.RecordedViolation violation = file.violation();
    text.append("violation: ").append(violation.kind()).append(" at ").append(Durations.format(violation.atNanos()))
        .append(": ").append(violation.detail()).append('\n');
    text.append("digest: ").append(hex(file.digest())).append('\n');
    text.append("size: original ").append(file.originalSize()).append(", shrunk ").append(file.shrunkSize())
        .append('\n');
    text.append("choices: ").append(file.choices().toText()).append('\n');
    if (file.input().isPresent() && scenario.text().isPresent()) {
      text.append(formatInput(scenario.text().get(), file.input().get()));
    }
    return text.toString();
  }

  @SuppressWarnings("unchecked") // the input was made by this scenario's generator or parsed by its text form
  private static <I> String formatInput(InputText<I> text, Object input) {
    return text.format((I) input);
  }

  /**
   * Parses a failure file's text. Reading never writes anything.
   *
   * @param sourceName how errors name the file, usually its path
   * @throws io.detsim.properties.scenario.BadTextException with a one-line message {@code <source>:<line>[:<column>]: <problem>}
   */
  public static FailureFile parse(String text, String sourceName, ScenarioCatalogue catalogue) {
    return FailureFileParser.parse(new TextLines(text, sourceName), catalogue);
  }

  /** {@link #parse(String, String, ScenarioCatalogue)} with a bound on the virtual times the input may schedule. */
  public static FailureFile parse(String text, String sourceName, ScenarioCatalogue catalogue, long maxSimulatedNanos) {
    return FailureFileParser.parse(new TextLines(text, sourceName, maxSimulatedNanos), catalogue);
  }

  /**
   * Reads and parses the file at {@code path}, with the default bound on simulated time.
   *
   * @throws io.detsim.properties.scenario.BadTextException when it does not parse
   * @throws UncheckedIOException when it cannot be read
   */
  public static FailureFile read(Path path, ScenarioCatalogue catalogue) {
    return read(path, catalogue, TextLines.DEFAULT_MAX_SIMULATED_NANOS);
  }

  /**
   * Reads and parses the file at {@code path}; a fault scheduled after {@code maxSimulatedNanos} is
   * an error at its line. A folder, bytes that are not UTF-8 and a byte order mark are each named as
   * such, at their line and column.
   *
   * @throws io.detsim.properties.scenario.BadTextException when it does not parse
   * @throws UncheckedIOException when it cannot be read
   */
  public static FailureFile read(Path path, ScenarioCatalogue catalogue, long maxSimulatedNanos) {
    if (Files.isDirectory(path)) {
      String problem = path + ": is a folder; expected a failure file (" + EXTENSION + ")";
      throw new UncheckedIOException(problem, new IOException(problem));
    }
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(path);
    } catch (IOException unreadable) {
      throw new UncheckedIOException("cannot read failure file " + path + ": " + unreadable.getMessage(), unreadable);
    }
    return parse(decode(bytes, path.toString()), path.toString(), catalogue, maxSimulatedNanos);
  }

  /** The file's text; a byte order mark or bytes that are not UTF-8 are errors naming their place. */
  static String decode(byte[] bytes, String sourceName) {
    if (bytes.length >= 3 && (bytes[0] & 0xff) == 0xef && (bytes[1] & 0xff) == 0xbb && (bytes[2] & 0xff) == 0xbf) {
      throw new io.detsim.properties.scenario.BadTextException(sourceName, 1, 1,
          "the file starts with a UTF-8 byte order mark (BOM); expected plain UTF-8: save it without the BOM");
    }
    java.nio.charset.CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
        .onMalformedInput(java.nio.charset.CodingErrorAction.REPORT)
        .onUnmappableCharacter(java.nio.charset.CodingErrorAction.REPORT);
    java.nio.ByteBuffer input = java.nio.ByteBuffer.wrap(bytes);
    java.nio.CharBuffer output = java.nio.CharBuffer.allocate(bytes.length);
    java.nio.charset.CoderResult result = decoder.decode(input, output, /* endOfInput= */ true);
    if (result.isError()) {
      int offset = input.position();
      int line = 1;
      int lineStart = 0;
      for (int i = 0; i < offset; i++) {
        if (bytes[i] == '\n') {
          line++;
          lineStart = i + 1;
        }
      }
      throw new io.detsim.properties.scenario.BadTextException(sourceName, line, offset - lineStart + 1,
          String.format(Locale.ROOT, "byte 0x%02x at offset %d is not UTF-8 text; expected a failure file,"
              + " which is UTF-8 text (is this a binary file?)", bytes[offset] & 0xff, offset));
    }
    output.flip();
    return output.toString();
  }

  /**
   * Writes {@code file} to {@code path}, replacing it whole: written beside it, then renamed, so a
   * run that dies while writing leaves the old file or the new one, never half of one.
   */
  public static void write(Path path, FailureFile file, Scenario<?> scenario) {
    Path absolute = path.toAbsolutePath();
    Path temporary = absolute.resolveSibling(absolute.getFileName() + ".tmp");
    try {
      if (absolute.getParent() != null) {
        Files.createDirectories(absolute.getParent());
      }
      Files.writeString(temporary, format(file, scenario), StandardCharsets.UTF_8);
      try {
        Files.move(temporary, absolute, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      } catch (AtomicMoveNotSupportedException notAtomic) {
        Files.move(temporary, absolute, StandardCopyOption.REPLACE_EXISTING);
      }
    } catch (IOException failed) {
      throw new UncheckedIOException("cannot write failure file " + path + ": " + failed.getMessage(), failed);
    }
  }

  /**
   * Writes {@code file} into {@code folder} under its conventional name,
   * {@code <scenario>-<violation kind>-<seed>.detsim} (the kind in lower case with dashes), and
   * returns where: the name fuzz campaigns and failed properties both use.
   */
  public static Path writeInto(Path folder, FailureFile file, Scenario<?> scenario) {
    Path path = folder.resolve(baseName(file.scenario(), file.violation().kind(), file.seed()) + EXTENSION);
    write(path, file, scenario);
    return path;
  }

  /** {@code <scenario>-<kind>-<seed>}: the name of a failure's file, and of what is written beside it. */
  static String baseName(String scenario, String kind, long seed) {
    return String.format(Locale.ROOT, "%s-%s-%016x", scenario, kind.toLowerCase(Locale.ROOT).replace('_', '-'), seed);
  }

  static String hex(long value) {
    return String.format(Locale.ROOT, "0x%016x", value);
  }
}
