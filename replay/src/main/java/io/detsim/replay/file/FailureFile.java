package io.detsim.replay.file;

import io.detsim.engine.server.EngineMutant;
import io.detsim.properties.core.ChoiceSequence;
import io.detsim.properties.scenario.RunResult;
import io.detsim.properties.scenario.Scenario;
import io.detsim.properties.scenario.ScenarioInput;
import io.detsim.properties.validate.Violation;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * A saved failing run: what a person needs to re-run it exactly and to read what it did. The
 * {@link #input} is what replay runs (and what a person edits); the {@link #choices} are the
 * generator's record of it, kept so that the CLI can shrink again from them. The text form is in
 * {@link FailureFiles} and the package comment.
 *
 * @param format the version of the file format, {@link FailureFiles#FORMAT}
 * @param detsimVersion the detsim that wrote the file ({@link DetsimVersion#current()})
 * @param scenario the scenario's name ({@code Scenarios.named})
 * @param seed the seed of the try that first failed
 * @param choices the shrunk choice sequence; regenerating it through the scenario gives {@link #input}
 *     unless the input was edited by hand
 * @param input the input replay runs, as written
 * @param mutants the engine mutants switched in when the failure was found; empty for a real bug
 * @param violation what broke
 * @param digest the trace digest of the failing run
 * @param originalSize choices before shrinking
 * @param shrunkSize choices after shrinking
 */
public record FailureFile(int format, String detsimVersion, String scenario, long seed, ChoiceSequence choices,
    ScenarioInput input, Set<EngineMutant> mutants, RecordedViolation violation, long digest, int originalSize,
    int shrunkSize) {

  public FailureFile {
    Objects.requireNonNull(detsimVersion, "detsimVersion");
    Objects.requireNonNull(scenario, "scenario");
    Objects.requireNonNull(choices, "choices");
    Objects.requireNonNull(input, "input");
    Objects.requireNonNull(violation, "violation");
    mutants = Collections.unmodifiableSet(
        mutants.isEmpty() ? EnumSet.noneOf(EngineMutant.class) : EnumSet.copyOf(mutants));
    if (originalSize < 0 || shrunkSize < 0) {
      throw new IllegalArgumentException("sizes must not be negative: " + originalSize + ", " + shrunkSize);
    }
  }

  /**
   * The broken guarantee as recorded: a {@link Violation.Kind} name, when, and a one-line detail.
   * Kept as text, not as a {@link Violation}, because the file records what happened then, not what
   * the running code would call it.
   */
  public record RecordedViolation(String kind, long atNanos, String detail) {
    public RecordedViolation {
      Objects.requireNonNull(kind, "kind");
      Objects.requireNonNull(detail, "detail");
      detail = oneLine(detail);
    }

    static RecordedViolation of(Violation violation) {
      return new RecordedViolation(violation.kind().name(), violation.atNanos(), violation.message());
    }
  }

  /** The file for a failure just found and shrunk: {@code failingRun} is the run of {@code input}. */
  public static FailureFile of(Scenario scenario, long seed, ChoiceSequence choices, ScenarioInput input,
      Set<EngineMutant> mutants, RunResult failingRun, int originalSize, int shrunkSize) {
    Violation violation = failingRun.violation()
        .orElseThrow(() -> new IllegalArgumentException("a failure file records a failing run; this one passed"));
    return new FailureFile(FailureFiles.FORMAT, DetsimVersion.current(), scenario.name(), seed, choices, input, mutants,
        RecordedViolation.of(violation), failingRun.digest(), originalSize, shrunkSize);
  }

  /** A message's lines joined by {@code " | "}: the file keeps one field a line. */
  static String oneLine(String text) {
    return String.join(" | ", text.strip().lines().map(String::strip).toList());
  }
}
