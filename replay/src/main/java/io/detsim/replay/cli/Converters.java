package io.detsim.replay.cli;

import io.detsim.engine.server.EngineMutant;
import io.detsim.properties.scenario.Scenario;
import io.detsim.properties.scenario.Scenarios;
import io.detsim.replay.campaign.Shard;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
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

  /** A scenario by name. */
  static final class ScenarioName implements ITypeConverter<Scenario> {
    @Override
    public Scenario convert(String name) {
      return scenario(name);
    }
  }

  /** An engine mutant by its command-line name; {@code STEAL_SINGLE_ITEMS} and {@code steal_single_items} work too. */
  static final class MutantName implements ITypeConverter<EngineMutant> {
    @Override
    public EngineMutant convert(String name) {
      return mutant(name);
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

  /** A wall-clock duration: a whole number and a unit, {@code ms}, {@code s}, {@code m} or {@code h}. */
  static final class WallDuration implements ITypeConverter<Long> {
    private static final Pattern FORM = Pattern.compile("(\\d{1,9})(ms|s|m|h)");

    @Override
    public Long convert(String text) {
      Matcher matcher = FORM.matcher(text.trim());
      if (!matcher.matches() || Long.parseLong(matcher.group(1)) == 0) {
        throw new TypeConversionException("'" + text + "' is not a duration: a positive whole number and ms, s, m or h,"
            + " like 30s, 5m, 8h");
      }
      long count = Long.parseLong(matcher.group(1));
      long unitNanos = switch (matcher.group(2)) {
        case "ms" -> 1_000_000L;
        case "s" -> 1_000_000_000L;
        case "m" -> 60_000_000_000L;
        default -> 3_600_000_000_000L;
      };
      return count * unitNanos;
    }
  }

  static Scenario scenario(String name) {
    return Scenarios.named(name).orElseThrow(() -> new TypeConversionException(
        "unknown scenario '" + name + "'; valid: " + String.join(", ", scenarioNames())));
  }

  static EngineMutant mutant(String name) {
    String wanted = name.trim().toLowerCase(Locale.ROOT).replace('_', '-');
    for (EngineMutant mutant : EngineMutant.values()) {
      if (mutant.cliName().equals(wanted)) {
        return mutant;
      }
    }
    List<String> valid = new ArrayList<>();
    for (EngineMutant mutant : EngineMutant.values()) {
      valid.add(mutant.cliName());
    }
    throw new TypeConversionException("unknown mutant '" + name + "'; valid: " + String.join(", ", valid));
  }

  static List<String> scenarioNames() {
    List<String> names = new ArrayList<>();
    Scenarios.all().forEach(scenario -> names.add(scenario.name()));
    return names;
  }

  static String hex(long value) {
    return String.format(Locale.ROOT, "0x%016x", value);
  }
}
