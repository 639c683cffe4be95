package io.detsim.properties.core;

import io.detsim.properties.core.PropertyResult.Failure;
import io.detsim.sim.random.SplitMix64;
import io.detsim.sim.random.Xoshiro256;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Runs a property: random tries or an exhaustive enumeration, and on the first failure shrinks
 * it to the simplest failing input of the same kind.
 *
 * <p><b>Seeds.</b> Try {@code i} of a run draws from a {@link Xoshiro256} seeded with
 * {@link #seedOfTry seedOfTry(startSeed, i)} = {@code SplitMix64.mix(startSeed + i)}: each try
 * depends only on the run's seed and its index, so a try can be regenerated alone, and consecutive
 * seeds give unrelated streams. A try whose input cannot be generated (a filter gave up) is
 * discarded and the next index is used; a run that discards as many tries as it was asked to run
 * stops with a {@link GenerationException}, since its generator mostly fails.
 *
 * <p><b>Reproduction.</b> A failure carries its shrunk choice sequence: {@link #replay} regenerates
 * exactly the failing input from it. Before shrinking, the runner replays the failing try's
 * sequence; if it does not fail the same way, the property is not deterministic, and the runner
 * says so rather than shrinking toward noise.
 *
 * <p>Timing is the caller's: nothing here reads a clock.
 */
public final class PropertyRunner {
  private final PropertyConfig config;

  public PropertyRunner(PropertyConfig config) {
    this.config = Objects.requireNonNull(config, "config");
  }

  public PropertyConfig config() {
    return config;
  }

  /**
   * The seed of try {@code tryIndex} of a run started from {@code startSeed}. The start seed is mixed
   * before the index is added, so runs from nearby start seeds share no tries: with
   * {@code mix(start + index)}, start 1 ran start 0's tries shifted by one, and two "independent"
   * campaigns from adjacent start seeds were the same campaign. {@code mix(0)} is 0, so start seed
   * 0 (the default) keeps its tries.
   */
  public static long seedOfTry(long startSeed, long tryIndex) {
    return SplitMix64.mix(SplitMix64.mix(startSeed) + tryIndex);
  }

  /**
   * One random try's input and the choices it consumed, generated exactly as {@link #run} generates
   * try {@code seed} but not checked: how a tool regenerates one try from the seed a run printed.
   *
   * @param value the generated input
   * @param choices the choices generation consumed; replaying them regenerates {@code value}
   */
  public record GeneratedTry<T>(T value, ChoiceSequence choices) {}

  /**
   * Generates the input of the random try with {@code seed} ({@link #seedOfTry}'s value for it).
   *
   * @throws GenerationException when no input can be generated from this seed (a run discards such a try)
   */
  public static <T> GeneratedTry<T> generateTry(Gen<T> input, long seed) {
    RandomChoiceSource source = new RandomChoiceSource(new Xoshiro256(seed)); // as runRandom draws a try
    T value = Objects.requireNonNull(input, "input").generate(source);
    return new GeneratedTry<>(value, source.toSequence());
  }

  /**
   * The input that {@code sequence} generates: how a failure file without a written input is
   * replayed.
   *
   * @throws GenerationException if no input can be generated from {@code sequence}
   */
  public static <T> T regenerate(Gen<T> input, ChoiceSequence sequence) {
    return Objects.requireNonNull(input, "input").generate(new ReplayChoiceSource(sequence));
  }

  /** Runs {@code property} as configured. */
  public <T> PropertyResult<T> run(Property<T> property) {
    Objects.requireNonNull(property, "property");
    return config.mode() == PropertyConfig.Mode.EXHAUSTIVE ? runExhaustive(property) : runRandom(property);
  }

  /**
   * Checks the one input that {@code sequence} generates, without shrinking: how a failure file
   * is replayed.
   *
   * @throws GenerationException if no input can be generated from {@code sequence}
   */
  public <T> PropertyResult<T> replay(Property<T> property, ChoiceSequence sequence) {
    return runOne(property, sequence, /* shrink= */ false);
  }

  /**
   * Checks the one input that {@code sequence} generates, and shrinks it if it fails.
   *
   * @throws GenerationException if no input can be generated from {@code sequence}
   */
  public <T> PropertyResult<T> shrink(Property<T> property, ChoiceSequence sequence) {
    return runOne(property, sequence, /* shrink= */ true);
  }

  private <T> PropertyResult<T> runRandom(Property<T> property) {
    Labels labels = new Labels();
    int run = 0;
    int discarded = 0;
    for (long index = 0; run < config.tries(); index++) {
      long seed = seedOfTry(config.startSeed(), index);
      Trial<T> trial;
      try {
        trial = Trial.run(property, new RandomChoiceSource(new Xoshiro256(seed)));
      } catch (GenerationException cannotGenerate) {
        discarded++;
        if (discarded >= config.tries()) {
          throw new GenerationException(String.format(Locale.ROOT,
              "property '%s': %d tries discarded, %d run; last at seed 0x%016x: %s",
              property.name(), discarded, run, seed, cannotGenerate.getMessage()), cannotGenerate);
        }
        continue;
      }
      run++;
      labels.record(labelsOf(property, trial.value()));
      if (trial.verdict() instanceof Verdict.Fail) {
        Failure<T> failure = shrunkFailure(property, trial, OptionalLong.of(seed), index, true);
        return result(property, run, discarded, false, labels, failure);
      }
    }
    return result(property, run, discarded, false, labels, null);
  }

  private <T> PropertyResult<T> runExhaustive(Property<T> property) {
    Labels labels = new Labels();
    Trial<?>[] failing = new Trial<?>[1];
    long[] failingIndex = new long[1];
    Exhaustive.Report report = Exhaustive.enumerate(property.input(), config.maxExhaustiveCases(), (value, consumed) -> {
      labels.record(labelsOf(property, value));
      Verdict verdict = Trial.judge(property, value);
      if (verdict instanceof Verdict.Fail) {
        failing[0] = new Trial<>(value, consumed, verdict);
        return false;
      }
      failingIndex[0]++;
      return true;
    });
    int run = Math.toIntExact(report.cases());
    if (failing[0] == null) {
      return result(property, run, 0, report.exhausted(), labels, null);
    }
    @SuppressWarnings("unchecked") // the trial was made from this property's input above
    Trial<T> trial = (Trial<T>) failing[0];
    Failure<T> failure = shrunkFailure(property, trial, OptionalLong.empty(), failingIndex[0], true);
    return result(property, run, 0, false, labels, failure);
  }

  private <T> PropertyResult<T> runOne(Property<T> property, ChoiceSequence sequence, boolean shrink) {
    Objects.requireNonNull(property, "property");
    Objects.requireNonNull(sequence, "sequence");
    Trial<T> trial = Trial.run(property, new ReplayChoiceSource(sequence));
    Labels labels = new Labels();
    labels.record(labelsOf(property, trial.value()));
    Failure<T> failure = trial.verdict() instanceof Verdict.Fail
        ? shrunkFailure(property, trial, OptionalLong.empty(), 0, shrink)
        : null;
    return result(property, 1, 0, false, labels, failure);
  }

  private <T> Failure<T> shrunkFailure(
      Property<T> property, Trial<T> trial, OptionalLong seed, long tryIndex, boolean shrink) {
    Verdict.Fail found = (Verdict.Fail) trial.verdict();
    Shrinker.Result shrunk = Shrinker.shrink(trial.consumed(),
        sequence -> Trial.outcome(property, sequence), shrink ? config.maxShrinkAttempts() : 0);
    if (!shrunk.failure().kind().equals(found.kind())) {
      throw new IllegalStateException(String.format(Locale.ROOT,
          "property '%s' is not deterministic: try %d failed with %s but its replay failed with %s (%s)",
          property.name(), tryIndex, found.kind(), shrunk.failure().kind(), trial.consumed().toText()));
    }
    Trial<T> reproduced = Trial.run(property, new ReplayChoiceSource(shrunk.shrunk()));
    if (!(reproduced.verdict() instanceof Verdict.Fail)
        || !((Verdict.Fail) reproduced.verdict()).kind().equals(found.kind())) {
      throw new IllegalStateException("property '" + property.name()
          + "' is not deterministic: its shrunk input no longer fails: " + shrunk.shrunk().toText());
    }
    Verdict.Fail last = (Verdict.Fail) reproduced.verdict();
    return new Failure<>(seed, tryIndex, trial.consumed(), shrunk.shrunk(), reproduced.value(),
        String.valueOf(reproduced.value()), last.kind(), last.message(), shrunk.statistics());
  }

  private static <T> List<String> labelsOf(Property<T> property, T value) {
    return List.copyOf(property.labels().apply(value));
  }

  private <T> PropertyResult<T> result(
      Property<T> property, int run, int discarded, boolean exhausted, Labels labels, Failure<T> failure) {
    return new PropertyResult<>(property.name(), config.mode(), run, discarded, exhausted, labels.coverage(),
        Optional.ofNullable(failure));
  }
}
