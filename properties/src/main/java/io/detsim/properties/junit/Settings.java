package io.detsim.properties.junit;

import io.detsim.properties.core.ChoiceSequence;
import io.detsim.properties.core.PropertyConfig;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.LongSupplier;
import java.util.function.UnaryOperator;
import org.junit.platform.engine.ConfigurationParameters;

/**
 * The engine's configuration parameters, read once a run, and how they combine with a
 * {@link SimProperty} annotation into the plan of one property's run.
 *
 * <p>This is the only class of the engine that reads the environment ({@code CI}) or draws a seed
 * nobody chose (nightly mode without {@code detsim.seed}): everything else is a function of its
 * inputs. A malformed value is an {@link IllegalArgumentException} that names the parameter, so
 * every property of the run fails with that message instead of running with a guess.
 */
final class Settings {
  static final String TRIES = "detsim.tries";
  static final String SEED = "detsim.seed";
  static final String MODE = DetsimTestEngine.MODE_PARAMETER;
  static final String SHRINK_ATTEMPTS = "detsim.shrink.attempts";
  static final String EXHAUSTIVE_MAX = "detsim.exhaustive.max";
  static final String REPLAY = "detsim.replay";
  static final String DATABASE = "detsim.database";
  /** Where failure files are written, when a {@link FailureFileWriter} is on the class path. */
  static final String FAILURES = "detsim.failures";
  static final Path DEFAULT_FAILURES = Path.of("target", "detsim-failures");
  /** The value of {@link #DATABASE} that turns the failure database off. */
  static final String DATABASE_OFF = "none";
  static final Path DEFAULT_DATABASE = Path.of("target", "detsim-db");
  /** The {@link Plan#seedOrigin} of the fixed default seed 0. */
  static final String DEFAULT_SEED_ORIGIN = "the default";
  private static final int NIGHTLY_FACTOR = 100;

  /** How a property is run. */
  enum Mode {
    RANDOM, EXHAUSTIVE, NIGHTLY;

    static Mode parse(String text, String where) {
      for (Mode mode : values()) {
        if (mode.name().equalsIgnoreCase(text.trim())) {
          return mode;
        }
      }
      throw new IllegalArgumentException(where + " must be random, exhaustive or nightly, not '" + text + "'");
    }

    String text() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  /**
   * One property's run, settings and annotation combined.
   *
   * @param tries random tries; 0 replays stored failures only
   * @param seedOrigin where the start seed came from, for the report
   * @param config the runner's configuration (its tries at least 1)
   */
  record Plan(Mode mode, int tries, long startSeed, String seedOrigin, String triesOrigin, PropertyConfig config) {}

  private final int tries;
  private final boolean triesGiven;
  private final OptionalLong seed;
  private final Mode mode;
  private final Path failures;
  private final int shrinkAttempts;
  private final int exhaustiveMax;
  private final Optional<ChoiceSequence> replay;
  private final Optional<Path> database;
  private final LongSupplier freshSeeds;
  private OptionalLong nightlySeed = OptionalLong.empty();

  private Settings(ConfigurationParameters parameters, UnaryOperator<String> environment, LongSupplier freshSeeds) {
    this.tries = parameters.get(TRIES).map(text -> parseCount(text, TRIES, 0)).orElse(100);
    this.triesGiven = parameters.get(TRIES).isPresent();
    this.seed = parameters.get(SEED).filter(text -> !text.isBlank())
        .map(text -> OptionalLong.of(parseSeed(text, SEED))).orElse(OptionalLong.empty());
    this.mode = parameters.get(MODE).map(text -> Mode.parse(text, MODE)).orElse(Mode.RANDOM);
    this.shrinkAttempts = parameters.get(SHRINK_ATTEMPTS).map(text -> parseCount(text, SHRINK_ATTEMPTS, 0))
        .orElse(5_000);
    this.exhaustiveMax = parameters.get(EXHAUSTIVE_MAX).map(text -> parseCount(text, EXHAUSTIVE_MAX, 1))
        .orElse(100_000);
    this.replay = parameters.get(REPLAY).filter(text -> !text.isBlank()).map(Settings::parseReplay);
    this.database = databaseOf(parameters.get(DATABASE), environment.apply("CI"));
    this.failures = parameters.get(FAILURES).filter(text -> !text.isBlank()).map(Path::of).orElse(DEFAULT_FAILURES);
    this.freshSeeds = freshSeeds;
  }

  /** The settings of a run, from its configuration parameters and this process's environment. */
  static Settings from(ConfigurationParameters parameters) {
    return from(parameters, System::getenv, () -> new SecureRandom().nextLong());
  }

  static Settings from(ConfigurationParameters parameters, UnaryOperator<String> environment, LongSupplier freshSeeds) {
    return new Settings(parameters, environment, freshSeeds);
  }

  /** Where failure files go: {@code detsim.failures}, else {@code target/detsim-failures}. */
  Path failuresDirectory() {
    return failures;
  }

  /** Whether this run is nightly: properties marked {@link SimProperty#nightlyOnly()} run only then. */
  boolean isNightly() {
    return mode == Mode.NIGHTLY;
  }

  /**
   * The plan for a property with {@code annotation}: annotation values override the settings, and
   * the plan says where its count of tries came from.
   */
  Plan plan(SimProperty annotation) {
    Mode planMode = annotation.mode().isBlank() ? mode : Mode.parse(annotation.mode(), "@SimProperty(mode)");
    int baseTries = annotation.tries() > 0 ? annotation.tries() : tries;
    // The annotation's own count is part of the property; a run-wide -Ddetsim.tries does not
    // override it, and the report says so rather than let the setting look ignored.
    String triesOrigin = annotation.tries() > 0
        ? "@SimProperty(tries)" + (triesGiven && tries != annotation.tries()
            ? ", which " + TRIES + "=" + tries + " does not override" : "")
        : triesGiven ? TRIES : "the default";
    int planTries = planMode == Mode.NIGHTLY && !annotation.nightlyOnly() ? (int) Math.min((long) baseTries * NIGHTLY_FACTOR, Integer.MAX_VALUE)
        : baseTries;
    long startSeed;
    String seedOrigin;
    if (!annotation.seed().isBlank()) {
      startSeed = parseSeed(annotation.seed(), "@SimProperty(seed)");
      seedOrigin = "@SimProperty(seed)";
    } else if (seed.isPresent()) {
      startSeed = seed.getAsLong();
      seedOrigin = SEED;
    } else if (planMode == Mode.NIGHTLY) {
      startSeed = nightlySeed();
      seedOrigin = "fresh for nightly mode";
    } else {
      startSeed = 0L;
      seedOrigin = DEFAULT_SEED_ORIGIN;
    }
    int planShrinkAttempts = annotation.shrinkAttempts() >= 0 ? annotation.shrinkAttempts() : shrinkAttempts;
    PropertyConfig config = new PropertyConfig(Math.max(1, planTries), startSeed,
        planMode == Mode.EXHAUSTIVE ? PropertyConfig.Mode.EXHAUSTIVE : PropertyConfig.Mode.RANDOM,
        planShrinkAttempts, exhaustiveMax);
    return new Plan(planMode, planTries, startSeed, seedOrigin, triesOrigin, config);
  }

  /** The input to replay instead of running the property ({@code detsim.replay}). */
  Optional<ChoiceSequence> replay() {
    return replay;
  }

  /** The failure database's directory; empty when it is off. */
  Optional<Path> database() {
    return database;
  }

  /** What is wrong with {@code annotation}'s values; empty when they are valid. */
  static Optional<String> problemOf(SimProperty annotation) {
    List<String> problems = new ArrayList<>();
    if (annotation.tries() < 0) {
      problems.add("tries = " + annotation.tries() + " must be positive, or 0 for " + TRIES);
    }
    if (annotation.shrinkAttempts() < -1) {
      problems.add("shrinkAttempts = " + annotation.shrinkAttempts() + " must be at least 0, or -1 for "
          + SHRINK_ATTEMPTS);
    }
    try {
      if (!annotation.seed().isBlank()) {
        parseSeed(annotation.seed(), "@SimProperty(seed)");
      }
    } catch (IllegalArgumentException invalid) {
      problems.add(invalid.getMessage());
    }
    try {
      if (!annotation.mode().isBlank()) {
        Mode.parse(annotation.mode(), "@SimProperty(mode)");
      }
    } catch (IllegalArgumentException invalid) {
      problems.add(invalid.getMessage());
    }
    return problems.isEmpty() ? Optional.empty() : Optional.of(String.join("; ", problems));
  }

  /** A seed of 1 to 16 hex digits, with or without {@code 0x}. */
  static long parseSeed(String text, String where) {
    String digits = text.trim().toLowerCase(Locale.ROOT);
    digits = digits.startsWith("0x") ? digits.substring(2) : digits;
    boolean hex = !digits.isEmpty() && digits.length() <= 16
        && digits.chars().allMatch(c -> (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'));
    if (!hex) {
      throw new IllegalArgumentException(
          where + " must be a seed of 1 to 16 hex digits (such as 0x2a), not '" + text + "'");
    }
    return Long.parseUnsignedLong(digits, 16);
  }

  private synchronized long nightlySeed() {
    if (nightlySeed.isEmpty()) {
      nightlySeed = OptionalLong.of(freshSeeds.getAsLong());
    }
    return nightlySeed.getAsLong();
  }

  private static int parseCount(String text, String name, int min) {
    try {
      int count = Integer.parseInt(text.trim());
      if (count >= min) {
        return count;
      }
    } catch (NumberFormatException notAnInt) {
      // reported below
    }
    throw new IllegalArgumentException(name + " must be an integer of at least " + min + ", not '" + text + "'");
  }

  private static ChoiceSequence parseReplay(String text) {
    try {
      return ChoiceSequence.parse(text.trim());
    } catch (IllegalArgumentException malformed) {
      throw new IllegalArgumentException(REPLAY + " must be a choice sequence such as 'v1 3 0 17': "
          + malformed.getMessage(), malformed);
    }
  }

  private static Optional<Path> databaseOf(Optional<String> configured, String ci) {
    if (configured.isPresent()) {
      String text = configured.get().trim();
      return text.isEmpty() || text.equalsIgnoreCase(DATABASE_OFF) ? Optional.empty() : Optional.of(Path.of(text));
    }
    return "true".equalsIgnoreCase(ci) ? Optional.empty() : Optional.of(DEFAULT_DATABASE);
  }
}
