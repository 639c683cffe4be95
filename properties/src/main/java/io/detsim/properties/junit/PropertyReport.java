package io.detsim.properties.junit;

import io.detsim.properties.core.Coverage;
import io.detsim.properties.core.PropertyResult;
import io.detsim.properties.core.Shrinker;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What one property's run came to, as text for a person and as key-value entries for the
 * listener: the outcome first, then for a failure everything needed to act on it (the violation,
 * the shrunk input and its choices, the seed, the shrinking, the command that replays it), then the
 * failure database's notes, warnings and coverage.
 */
final class PropertyReport {
  private static final String INDENT = "              ";

  private final String testName;
  private final Settings.Plan plan;
  private final List<String> databaseNotes = new ArrayList<>();
  private final String workingDirectory;
  private FailureFileWriter.Written failureFile;
  private final List<String> warnings = new ArrayList<>();

  PropertyReport(String testName, Settings.Plan plan) {
    this(testName, plan, Path.of("").toAbsolutePath().toString());
  }

  /** {@code workingDirectory}: where the replay command's Maven runs. */
  PropertyReport(String testName, Settings.Plan plan, String workingDirectory) {
    this.testName = testName;
    this.plan = plan;
    this.workingDirectory = workingDirectory;
  }

  /** How a failure was found, for the report's seed line. */
  enum Origin { RUN, STORED, REPLAY }

  /** The failure file written for this failure, and the command that replays it. */
  void failureFile(FailureFileWriter.Written written) {
    this.failureFile = written;
  }

  void databaseNote(String note) {
    databaseNotes.add(note);
  }

  void warn(String warning) {
    warnings.add(warning);
  }

  List<String> warnings() {
    return List.copyOf(warnings);
  }

  /**
   * The text of a passing run, or of one that replayed stored failures only ({@code result} null):
   * one line, then any notes and warnings, then coverage when the property labels its inputs.
   */
  String passed(String property, PropertyResult<?> result, Origin origin) {
    StringBuilder text = new StringBuilder(String.format(Locale.ROOT, "detsim: %s: property '%s' passed %s\n",
        testName, property, result == null ? "its stored failures (no random tries: " + Settings.TRIES + "=0)"
            : origin == Origin.REPLAY ? "the input of " + Settings.REPLAY : describeTries(result)));
    appendNotes(text);
    if (result != null && !result.coverage().labels().isEmpty()) {
      text.append(result.coverage().report());
    }
    return text.toString().stripTrailing();
  }

  /** The text of a failed run: what a person needs to understand, reproduce and fix it. */
  String failed(PropertyResult<?> result, Origin origin, String whereStored) {
    PropertyResult.Failure<?> failure = result.failure().orElseThrow();
    Shrinker.Statistics shrinking = failure.shrinking();
    StringBuilder text = new StringBuilder(String.format(Locale.ROOT, "property '%s' FAILED: %s\n",
        result.property(), testName));
    line(text, "violation", failure.kind() + ": " + failure.message());
    line(text, "input", failure.valueText());
    line(text, "choices", failure.shrunk().toText());
    line(text, "seed", seedLine(result, failure, origin, whereStored));
    line(text, "shrunk", origin == Origin.REPLAY ? "no: a replay checks exactly the input given"
        : String.format(Locale.ROOT, "from %d to %d choices in %d attempts (%d kept%s%s)",
            failure.originalSize(), failure.shrunkSize(), shrinking.attempts(), shrinking.successfulShrinks(),
            shrinking.otherKindFailures() > 0 ? ", " + shrinking.otherKindFailures() + " failed another way" : "",
            shrinking.budgetExhausted() ? ", budget used up: raise " + Settings.SHRINK_ATTEMPTS + " to shrink further"
                : ""));
    if (failureFile == null) {
      line(text, "file", "none: no failure-file writer on the class path (the replay module has one);"
          + " the seed and choices above reproduce it");
      line(text, "replay", replayCommand(failure.shrunk().toText()));
    } else {
      line(text, "file", failureFile.file().toString());
      failureFile.alongside().forEach((what, path) -> line(text, what, path.toString()));
      line(text, "replay", failureFile.replayCommand() + "\n" + replayCommand(failure.shrunk().toText()));
    }
    appendNotes(text);
    return text.append(result.coverage().report()).toString();
  }

  /**
   * The command that runs exactly the input with {@code choices} of this property: Maven in the
   * folder the tests ran in (the module's own, under Surefire), whatever the project's layout.
   */
  String replayCommand(String choices) {
    return "cd " + workingDirectory + " && mvn -B test -Dtest='" + testName + "' -D" + Settings.REPLAY + "='" + choices
        + "' -Dsurefire.failIfNoSpecifiedTests=false";
  }

  /** Entries for the listener: result, mode, start seed, and one per coverage label. */
  Map<String, String> entries(String property, PropertyResult<?> result) {
    Map<String, String> entries = new LinkedHashMap<>();
    entries.put("detsim.property", property);
    entries.put("detsim.result", result == null ? "passed its stored failures"
        : result.passed() ? "passed " + describeTries(result)
        : "FAILED after " + result.triesRun() + " tries: " + result.failure().orElseThrow().kind());
    entries.put("detsim.mode", plan.mode().text());
    entries.put("detsim.startSeed", hex(plan.startSeed()));
    if (result != null) {
      Coverage coverage = result.coverage();
      for (String label : coverage.labels()) {
        if (!label.isBlank()) {
          entries.put("detsim.coverage." + label, String.format(Locale.ROOT, "%d of %d tries (%s)",
              coverage.count(label), coverage.tries(), percent(coverage.count(label), coverage.tries())));
        }
      }
    }
    if (!databaseNotes.isEmpty()) {
      entries.put("detsim.database", String.join("; ", databaseNotes));
    }
    return entries;
  }

  private String seedLine(PropertyResult<?> result, PropertyResult.Failure<?> failure, Origin origin, String whereStored) {
    switch (origin) {
      case REPLAY:
        return "none: the input of " + Settings.REPLAY;
      case STORED:
        return "none: a stored failure of " + whereStored + ", replayed before the random tries";
      default:
        if (failure.seed().isEmpty()) {
          return "none: exhaustive case " + failure.tryIndex() + " in enumeration order, of " + result.triesRun()
              + " checked";
        }
        return String.format(Locale.ROOT, "%s (try %d of a %s run of %d tries from start seed %s, %s%s)",
            failure.seedHex(), failure.tryIndex(), plan.mode().text(), plan.tries(), hex(plan.startSeed()),
            plan.seedOrigin(), plan.seedOrigin().equals(Settings.DEFAULT_SEED_ORIGIN)
                ? ": for other inputs set -D" + Settings.SEED + "=<hex> or -D" + Settings.MODE + "=nightly" : "");
    }
  }

  private void appendNotes(StringBuilder text) {
    for (String note : databaseNotes) {
      line(text, "database", note);
    }
    for (String warning : warnings) {
      line(text, "warning", warning);
    }
  }

  private static void line(StringBuilder text, String name, String value) {
    text.append("  ").append(name).append(':').append(" ".repeat(INDENT.length() - name.length() - 3))
        .append(value.replace("\n", "\n" + INDENT)).append('\n');
  }

  /** {@code 100 tries (random, start seed 0x..., the default)}, {@code 4 cases (exhaustive, space exhausted)}. */
  private String describeTries(PropertyResult<?> result) {
    if (plan.mode() == Settings.Mode.EXHAUSTIVE) {
      return String.format(Locale.ROOT, "%d %s (exhaustive, %s)", result.triesRun(),
          result.triesRun() == 1 ? "case" : "cases",
          result.exhausted() ? "space exhausted" : "space NOT exhausted: raise " + Settings.EXHAUSTIVE_MAX);
    }
    return String.format(Locale.ROOT, "%d %s (%s, tries from %s, start seed %s, %s%s)", result.triesRun(),
        result.triesRun() == 1 ? "try" : "tries", plan.mode().text(), plan.triesOrigin(), hex(plan.startSeed()),
        plan.seedOrigin(), result.triesDiscarded() > 0 ? ", " + result.triesDiscarded() + " discarded" : "");
  }

  static String hex(long seed) {
    return String.format(Locale.ROOT, "0x%016x", seed);
  }

  /** A percentage rounded to tenths with integer arithmetic, as {@link Coverage#report} does. */
  private static String percent(long count, int tries) {
    long tenths = tries == 0 ? 0 : (count * 1000 + tries / 2) / tries;
    return tenths / 10 + "." + tenths % 10 + "%";
  }
}
