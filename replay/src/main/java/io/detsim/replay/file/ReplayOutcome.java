package io.detsim.replay.file;

import io.detsim.properties.scenario.ScenarioRun;
import io.detsim.sim.fault.Durations;

/**
 * A failure file's recorded run beside the run it gives now, and the one word that compares them.
 *
 * @param recorded the file as read
 * @param now the run of the file's input, as written
 * @param word what the comparison says
 */
public record ReplayOutcome(FailureFile recorded, ScenarioRun now, Word word) {

  /** How a replay compares with the recorded failure. */
  public enum Word {
    /** The same violation kind and the same trace digest: the very run that was recorded. */
    REPRODUCED,
    /** The recorded run failed; this one passes. */
    FIXED,
    /** Anything else: another violation kind, or the same kind reached by a different run. */
    CHANGED
  }

  static Word compare(FailureFile recorded, ScenarioRun now) {
    if (now.passed()) {
      return Word.FIXED;
    }
    boolean sameKind = now.failure().get().kind().equals(recorded.violation().kind());
    return sameKind && now.digest() == recorded.digest() ? Word.REPRODUCED : Word.CHANGED;
  }

  /**
   * One line for people: {@code REPRODUCED: SILENT_DROP at 31.2s, digest 0x...} or, when the run
   * differs, both sides ({@code CHANGED: now DATA_LOSS at 1s (digest 0x...), recorded SILENT_DROP ...}).
   */
  public String summary() {
    String was = recorded.violation().kind() + " at " + Durations.format(recorded.violation().atNanos()) + " (digest "
        + FailureFiles.hex(recorded.digest()) + ")";
    if (word == Word.REPRODUCED) {
      return word + ": " + was;
    }
    String is = now.failure().map(ReplayOutcome::describe).orElse("passes") + " (digest "
        + FailureFiles.hex(now.digest()) + ")";
    return word + ": now " + is + "; recorded " + was;
  }

  private static String describe(ScenarioRun.Failure failure) {
    return failure.kind() + " at " + Durations.format(failure.atNanos()) + ": "
        + FailureFile.oneLine(failure.message());
  }
}
