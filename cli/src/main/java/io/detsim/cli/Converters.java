package io.detsim.cli;

import io.detsim.properties.scenario.PlantedBug;
import io.detsim.properties.scenario.Scenario;
import io.detsim.properties.scenario.ScenarioCatalogue;
import io.detsim.replay.campaign.Shard;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * How arguments become values. Each converter's error is one line and, for names, lists the valid
 * ones, so a typo is fixed without looking anything up.
 */
final class Converters {
  private Converters() {}

  /** A 64-bit seed in hex, with or without {@code 0x}: what fuzz prints. */
  static final class HexSeed implements ITypeConverter<Long> {
    @Override
    public Long convert(String text) {
      String digits = text.trim().toLowerCase(Locale.ROOT);
      if (digits.startsWith("0x")) {
        digits = digits.substring(2);
      }
      if (digits.isEmpty() || digits.length() > 16 || !digits.chars().allMatch(c -> Character.digit(c, 16) >= 0)) {
        throw new TypeConversionException("'" + text + "' is not a seed: 1 to 16 hex digits, like 0x1f");
      }
      return Long.parseUnsignedLong(digits, 16);
    }
  }

  /** A scenario by name, from the scenarios on the class path. */
  static final class ScenarioName implements ITypeConverter<Scenario<?>> {
    private final ScenarioCatalogue catalogue;

    ScenarioName(ScenarioCatalogue catalogue) {
      this.catalogue = catalogue;
    }

    @Override
    public Scenario<?> convert(String name) {
      return scenario(catalogue, name);
    }
  }

  /** {@code I/N}. */
  static final class ShardText implements ITypeConverter<Shard> {
    @Override
    public Shard convert(String text) {
      try {
        return Shard.parse(text);
      } catch (IllegalArgumentException bad) {
        throw new TypeConversionException(bad.getMessage());
      }
    }
  }

  /**
   * A wall-clock duration: one or more whole numbers each with a unit, largest unit first, each
   * unit at most once: {@code 30s}, {@code 8h}, {@code 5h30m}, {@code 1h15m30s}, {@code 2s500ms}.
   */
  static final class WallDuration implements ITypeConverter<Long> {
    private static final Pattern FORM = Pattern.compile("(?:(\\d{1,9})h)?(?:(\\d{1,9})m(?!s))?(?:(\\d{1,9})s)?"
        + "(?:(\\d{1,9})ms)?");
    private static final long[] UNIT_NANOS = {3_600_000_000_000L, 60_000_000_000L, 1_000_000_000L, 1_000_000L};
    /** A year: more than any campaign, and far from overflowing a nanosecond count. */
    private static final long MAX_NANOS = 366L * 24 * 3_600_000_000_000L;

    @Override
    public Long convert(String text) {
      Matcher matcher = FORM.matcher(text.trim());
      long nanos = 0;
      boolean matched = matcher.matches() && !text.isBlank();
      for (int group = 1; matched && group <= 4; group++) {
        if (matcher.group(group) != null) {
          nanos = Math.min(MAX_NANOS + 1, nanos + Long.parseLong(matcher.group(group)) * UNIT_NANOS[group - 1]);
        }
      }
      if (!matched || nanos == 0 || nanos > MAX_NANOS) {
        throw new TypeConversionException("'" + text + "' is not a duration: whole numbers with h, m, s or ms,"
            + " largest first, more than zero and at most a year, like 30s, 5m, 8h, 5h30m, 1h15m30s");
      }
      return nanos;
    }
  }

  static Scenario<?> scenario(ScenarioCatalogue catalogue, String name) {
    return catalogue.named(name).orElseThrow(() -> new TypeConversionException(
        "unknown scenario '" + name + "'; valid: " + (catalogue.isEmpty()
            ? "none (no scenario provider on the class path; see --class-path)"
            : String.join(", ", catalogue.names()))));
  }

  /** The scenario to use when none is named: the catalogue's first. */
  static Scenario<?> defaultScenario(ScenarioCatalogue catalogue) {
    return catalogue.first().orElseThrow(() -> new UsageException(
        "no scenario on the class path: add a ScenarioProvider (see --class-path)"));
  }

  /**
   * The planted bugs {@code names} of {@code scenario}, by their command-line names;
   * {@code STEAL_SINGLE_ITEMS} and {@code steal_single_items} read as {@code steal-single-items}.
   */
  static Set<String> plantedBugs(Scenario<?> scenario, List<String> names) {
    List<String> valid = scenario.plantedBugs().stream().map(PlantedBug::name).toList();
    Set<String> bugs = new TreeSet<>();
    for (String name : names) {
      String wanted = name.trim().toLowerCase(Locale.ROOT).replace('_', '-');
      if (!valid.contains(wanted)) {
        throw new UsageException("unknown mutant '" + name + "' of scenario " + scenario.name() + "; valid: "
            + (valid.isEmpty() ? "none" : String.join(", ", valid)));
      }
      bugs.add(wanted);
    }
    return bugs;
  }

  static String hex(long value) {
    return String.format(Locale.ROOT, "0x%016x", value);
  }
}
