package io.detsim.replay.campaign;

import io.detsim.properties.scenario.BadTextException;
import io.detsim.properties.scenario.InputText;
import io.detsim.properties.scenario.RunSettings;
import io.detsim.properties.scenario.Scenario;
import io.detsim.properties.scenario.ScenarioRun;
import io.detsim.properties.scenario.TextLines;
import io.detsim.sim.fault.Durations;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Shrinks an input as written, through its scenario's text form: what {@code detsim shrink} does to
 * a failure file a person edited, whose input no choice sequence is known to generate. It knows
 * nothing of any scenario: it deletes lines (halves, then quarters, down to single lines, as delta
 * debugging does [1]), then drops items from comma-separated lists ({@code swarm: DUPLICATE, DISK,
 * BURST} to {@code swarm: BURST}: the kinds a run enables that its failure does not need, which no
 * line deletion can remove, since the list's line itself is needed), then makes every plain number
 * smaller (to zero, else halving it while the
 * failure stays: fewer observations, a lower rate, a smaller burst, fewer workers), then moves every
 * line that starts with a time (a schedule entry) earlier, to zero or half its time. A plain number
 * is a run of digits that is a word of its own or a numerator ({@code 5000 observations}, {@code
 * 1/161}); digits inside a name, a hexadecimal seed, a duration or after a slash are left alone.
 * A candidate that the text form does not parse is skipped without a run;
 * one that parses is kept when it still fails with the same kind of violation. Bounded by a count
 * of runs, never by time, so that a file shrinks the same on every machine.
 *
 * <p>[1] Zeller &amp; Hildebrandt, Simplifying and Isolating Failure-Inducing Input, TSE 2002.
 */
public final class TextShrinker {
  /** Digits that are a word or a numerator: not inside a name, a hex seed, a duration, or after a slash. */
  private static final Pattern PLAIN_NUMBER = Pattern.compile("(?<![\\w.\\-/])\\d+(?![\\w.\\-])");

  private TextShrinker() {}

  /**
   * The result: the shrunk input, its failing run, and the count of lines before and after.
   *
   * @param input the shrunk input, parsed from its text
   * @param failingRun the run of {@code input}
   * @param linesBefore the text's lines as given
   * @param linesAfter the text's lines after shrinking
   */
  public record Shrunk(Object input, ScenarioRun failingRun, int linesBefore, int linesAfter) {}

  /**
   * Shrinks {@code input}, which must fail with {@code kind} under {@code settings}.
   *
   * @throws IllegalArgumentException when the input does not fail with {@code kind}
   */
  public static Shrunk shrink(Scenario<?> scenario, Object input, RunSettings settings, String kind,
      int maxRuns) {
    return shrinkTyped(scenario, input, settings, kind, maxRuns);
  }

  @SuppressWarnings("unchecked") // the input was parsed by this scenario's own text form
  private static <I> Shrunk shrinkTyped(Scenario<I> scenario, Object untyped, RunSettings settings, String kind,
      int maxRuns) {
    InputText<I> text = scenario.text().orElseThrow(() -> new IllegalArgumentException(
        "scenario '" + scenario.name() + "' has no text form: shrink its choices"));
    Attempts<I> attempts = new Attempts<>(scenario, text, settings, kind, maxRuns);
    List<String> lines = new ArrayList<>(text.format((I) untyped).lines().toList());
    ScenarioRun failing = attempts.failingRun(lines);
    if (failing == null) {
      throw new IllegalArgumentException("the input does not fail with " + kind);
    }
    int before = lines.size();
    for (int chunk = Math.max(1, lines.size() / 2); chunk >= 1 && attempts.left(); chunk /= 2) {
      for (int start = 0; start < lines.size() && attempts.left(); ) {
        List<String> candidate = new ArrayList<>(lines);
        candidate.subList(start, Math.min(lines.size(), start + chunk)).clear();
        ScenarioRun run = attempts.failingRun(candidate);
        if (run != null) {
          lines = candidate;
          failing = run;
        } else {
          start += chunk;
        }
      }
    }
    for (int index = 0; index < lines.size() && attempts.left(); index++) {
      for (int item = 0; attempts.left(); ) {
        List<String> candidate = withoutListItem(lines, index, item);
        if (candidate == null) {
          break;
        }
        ScenarioRun run = attempts.failingRun(candidate);
        if (run != null) {
          lines = candidate;
          failing = run;
        } else {
          item++;
        }
      }
    }
    for (int index = 0; index < lines.size() && attempts.left(); index++) {
      for (int number = 0; attempts.left(); number++) {
        Matcher found = PLAIN_NUMBER.matcher(lines.get(index));
        boolean exists = true;
        for (int skip = 0; skip <= number && exists; skip++) {
          exists = found.find();
        }
        if (!exists) {
          break;
        }
        List<String> smaller = smallerNumber(lines, index, found.start(), found.end(), attempts);
        if (smaller != null) {
          lines = smaller;
          failing = attempts.lastFailing();
        }
      }
    }
    for (int index = 0; index < lines.size() && attempts.left(); index++) {
      for (long divisor : new long[] {0, 2}) {
        List<String> candidate = earlier(lines, index, divisor);
        ScenarioRun run = candidate == null ? null : attempts.failingRun(candidate);
        if (run != null) {
          lines = candidate;
          failing = run;
          break;
        }
      }
    }
    return new Shrunk(attempts.parse(lines), failing, before, lines.size());
  }

  /**
   * The lines with the number at {@code start..end} of line {@code index} made as small as still
   * fails: zero, else halved for as long as halving keeps the failure. Null when no smaller value fails.
   */
  private static List<String> smallerNumber(List<String> lines, int index, int start, int end, Attempts<?> attempts) {
    long value;
    try {
      value = Long.parseLong(lines.get(index).substring(start, end));
    } catch (NumberFormatException tooLong) {
      return null;
    }
    if (value == 0) {
      return null;
    }
    List<String> zero = withNumber(lines, index, start, end, 0);
    if (attempts.failingRun(zero) != null) {
      return zero;
    }
    List<String> best = null;
    for (long current = value; current / 2 > 0 && attempts.left(); current /= 2) {
      List<String> halved = withNumber(best != null ? best : lines, index, start,
          start + Long.toString(current).length(), current / 2);
      if (attempts.failingRun(halved) == null) {
        break;
      }
      best = halved;
    }
    return best;
  }

  /**
   * The lines with item {@code item} dropped from line {@code index}'s comma-separated list (what
   * follows its {@code ": "}); null when the line has no such list, no such item, or only one
   * item (an empty list is rarely what the text form spells "none").
   */
  private static List<String> withoutListItem(List<String> lines, int index, int item) {
    String line = lines.get(index);
    int colon = line.indexOf(": ");
    if (colon < 0) {
      return null;
    }
    List<String> items = new ArrayList<>(List.of(line.substring(colon + 2).split(", ", -1)));
    if (items.size() < 2 || item >= items.size()) {
      return null;
    }
    items.remove(item);
    List<String> candidate = new ArrayList<>(lines);
    candidate.set(index, line.substring(0, colon + 2) + String.join(", ", items));
    return candidate;
  }

  private static List<String> withNumber(List<String> lines, int index, int start, int end, long number) {
    String line = lines.get(index);
    List<String> edited = new ArrayList<>(lines);
    edited.set(index, line.substring(0, start) + number + line.substring(end));
    return edited;
  }

  /** The lines with line {@code index}'s leading time set to zero ({@code divisor} 0) or divided; null if none. */
  private static List<String> earlier(List<String> lines, int index, long divisor) {
    String line = lines.get(index);
    String stripped = line.stripLeading();
    int space = stripped.indexOf(' ');
    if (space <= 0) {
      return null;
    }
    long atNanos;
    try {
      atNanos = Durations.parse(stripped.substring(0, space));
    } catch (IllegalArgumentException notATime) {
      return null;
    }
    long millis = atNanos / 1_000_000L;
    long newNanos = divisor == 0 ? 0 : millis / divisor * 1_000_000L;
    if (newNanos >= atNanos) {
      return null;
    }
    List<String> candidate = new ArrayList<>(lines);
    candidate.set(index, Durations.format(newNanos) + stripped.substring(space));
    return candidate;
  }

  /** Runs candidates, counting runs against the budget. */
  private static final class Attempts<I> {
    private final Scenario<I> scenario;
    private final InputText<I> text;
    private final RunSettings settings;
    private final String kind;
    private int runsLeft;
    private ScenarioRun lastFailing;

    Attempts(Scenario<I> scenario, InputText<I> text, RunSettings settings, String kind, int maxRuns) {
      this.scenario = scenario;
      this.text = text;
      this.settings = settings;
      this.kind = Objects.requireNonNull(kind, "kind");
      this.runsLeft = maxRuns + 1; // the first run checks the input as given
    }

    /** The run of the last candidate that failed with the kind. */
    ScenarioRun lastFailing() {
      return lastFailing;
    }

    boolean left() {
      return runsLeft > 0;
    }

    I parse(List<String> lines) {
      return text.parse(new TextLines(String.join("\n", lines) + "\n", "shrink", settings.maxSimulatedNanos()), 0);
    }

    /** The candidate's run when it parses and fails with the kind; null otherwise. */
    ScenarioRun failingRun(List<String> lines) {
      I input;
      try {
        input = parse(lines);
      } catch (BadTextException | IllegalArgumentException notAnInput) {
        return null;
      }
      runsLeft--;
      ScenarioRun run = scenario.run(input, settings);
      if (run.failure().filter(failure -> failure.kind().equals(kind)).isEmpty()) {
        return null;
      }
      lastFailing = run;
      return run;
    }
  }
}
