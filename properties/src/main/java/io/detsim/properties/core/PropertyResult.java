package io.detsim.properties.core;

import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * What running a property found.
 *
 * @param property the property's name
 * @param mode how it was run
 * @param triesRun inputs checked (the failing one included)
 * @param triesDiscarded random tries on which no input could be generated
 * @param exhausted exhaustive mode only: every input of the space was checked
 * @param coverage the labels of the inputs checked
 * @param failure the first failure, shrunk; empty when the property held
 */
public record PropertyResult<T>(
    String property,
    PropertyConfig.Mode mode,
    int triesRun,
    int triesDiscarded,
    boolean exhausted,
    Coverage coverage,
    Optional<Failure<T>> failure) {

  public PropertyResult {
    Objects.requireNonNull(property, "property");
    Objects.requireNonNull(mode, "mode");
    Objects.requireNonNull(coverage, "coverage");
    Objects.requireNonNull(failure, "failure");
  }

  /**
   * A failing input, before and after shrinking.
   *
   * @param seed the seed of the failing random try; empty for exhaustive mode and replays
   * @param tryIndex the index of the failing try (random: {@code i} of {@link PropertyRunner#seedOfTry};
   *     exhaustive: the case's position in enumeration order; replay: 0)
   * @param original the choices of the failing input as first found
   * @param shrunk the choices of the simplest failing input found; replaying them reproduces it
   * @param value the shrunk input
   * @param valueText {@code String.valueOf(value)}, for reports
   * @param kind the kind of violation, the same before and after shrinking
   * @param message the shrunk input's violation message
   * @param shrinking how shrinking went
   */
  public record Failure<T>(
      OptionalLong seed,
      long tryIndex,
      ChoiceSequence original,
      ChoiceSequence shrunk,
      T value,
      String valueText,
      String kind,
      String message,
      Shrinker.Statistics shrinking) {

    /** The seed as {@code 0x} and 16 hex digits, or {@code "none"}. */
    public String seedHex() {
      return seed.isPresent() ? String.format(Locale.ROOT, "0x%016x", seed.getAsLong()) : "none";
    }

    public int originalSize() {
      return original.size();
    }

    public int shrunkSize() {
      return shrunk.size();
    }
  }

  public boolean passed() {
    return failure.isEmpty();
  }

  /** A report for people: the outcome, the seed and shrunk choices first, then coverage. */
  public String report() {
    StringBuilder report = new StringBuilder();
    if (failure.isEmpty()) {
      report.append(String.format(Locale.ROOT, "property '%s' passed %d tries (%s%s%s)",
          property, triesRun, mode.name().toLowerCase(Locale.ROOT),
          triesDiscarded > 0 ? ", " + triesDiscarded + " discarded" : "",
          mode == PropertyConfig.Mode.EXHAUSTIVE ? (exhausted ? ", space exhausted" : ", space not exhausted") : ""));
    } else {
      Failure<T> found = failure.get();
      Shrinker.Statistics shrinking = found.shrinking();
      report.append(String.format(Locale.ROOT, "property '%s' FAILED after %d tries (try index %d, %s)\n",
          property, triesRun, found.tryIndex(), mode.name().toLowerCase(Locale.ROOT)));
      report.append("  seed:      ").append(found.seedHex()).append('\n');
      report.append("  violation: ").append(found.kind()).append(": ").append(found.message()).append('\n');
      report.append("  input:     ").append(found.valueText()).append('\n');
      report.append("  choices:   ").append(found.shrunk().toText()).append('\n');
      report.append(String.format(Locale.ROOT,
          "  shrunk from %d to %d choices in %d attempts (%d kept%s)",
          shrinking.originalSize(), shrinking.finalSize(), shrinking.attempts(), shrinking.successfulShrinks(),
          shrinking.budgetExhausted() ? ", budget used up" : ""));
    }
    return report.append('\n').append(coverage.report()).toString();
  }
}
