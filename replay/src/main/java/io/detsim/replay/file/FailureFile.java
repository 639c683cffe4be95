package io.detsim.replay.file;

import io.detsim.properties.core.ChoiceSequence;
import io.detsim.properties.scenario.ScenarioRun;
import java.util.Collections;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * A saved failing run: what a person needs to re-run it exactly and to read what it did. The
 * {@link #input} is what replay runs (and what a person edits); the {@link #choices} are the
 * generator's record of it, kept so that the CLI can shrink again from them, and what replay runs
 * for a scenario without a text form. The text form is in {@link FailureFiles} and the package
 * comment.
 *
 * @param format the version of the file format, {@link FailureFiles#FORMAT}
 * @param detsimVersion the detsim that wrote the file ({@link DetsimVersion#current()})
 * @param scenario the scenario's name
 * @param seed the seed of the try that first failed
 * @param choices the shrunk choice sequence; regenerating it through the scenario gives {@link #input}
 *     unless the input was edited by hand
 * @param input the input replay runs, as written, when the scenario has a text form
 *     ({@link io.detsim.properties.scenario.Scenario#text()}); empty otherwise
 * @param plantedBugs the scenario's planted bugs switched on when the failure was found; empty for
 *     a real bug
 * @param violation what broke
 * @param digest the trace digest of the failing run
 * @param originalSize choices before shrinking
 * @param shrunkSize choices after shrinking
 */
public record FailureFile(int format, String detsimVersion, String scenario, long seed, ChoiceSequence choices,
    Optional<Object> input, Set<String> plantedBugs, RecordedViolation violation, long digest, int originalSize,
    int shrunkSize) {

  public FailureFile {
    Objects.requireNonNull(detsimVersion, "detsimVersion");
    Objects.requireNonNull(scenario, "scenario");
    Objects.requireNonNull(choices, "choices");
    Objects.requireNonNull(input, "input");
    Objects.requireNonNull(violation, "violation");
    plantedBugs = Collections.unmodifiableSortedSet(new TreeSet<>(plantedBugs));
    if (originalSize < 0 || shrunkSize < 0) {
      throw new IllegalArgumentException("sizes must not be negative: " + originalSize + ", " + shrunkSize);
    }
  }

  /**
   * The broken check as recorded: its kind, when, and a one-line detail. Kept as text because the
   * file records what happened then, not what the running code would call it.
   */
  public record RecordedViolation(String kind, long atNanos, String detail) {
    public RecordedViolation {
      Objects.requireNonNull(kind, "kind");
      Objects.requireNonNull(detail, "detail");
      detail = oneLine(detail);
    }

    static RecordedViolation of(ScenarioRun.Failure failure) {
      return new RecordedViolation(failure.kind(), failure.atNanos(), failure.message());
    }
  }

  /** The file for a failure just found and shrunk: {@code failingRun} is the run of {@code input}. */
  public static FailureFile of(String scenario, long seed, ChoiceSequence choices, Optional<Object> input,
      Set<String> plantedBugs, ScenarioRun failingRun, int originalSize, int shrunkSize) {
    ScenarioRun.Failure failure = failingRun.failure()
        .orElseThrow(() -> new IllegalArgumentException("a failure file records a failing run; this one passed"));
    return new FailureFile(FailureFiles.FORMAT, DetsimVersion.current(), scenario, seed, choices, input, plantedBugs,
        RecordedViolation.of(failure), failingRun.digest(), originalSize, shrunkSize);
  }

  /** A message's lines joined by {@code " | "}: the file keeps one field a line. */
  static String oneLine(String text) {
    return String.join(" | ", text.strip().lines().map(String::strip).toList());
  }
}
