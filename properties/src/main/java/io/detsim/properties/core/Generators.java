package io.detsim.properties.core;

import io.detsim.sim.port.Ratio;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Predicate;

/** The implementations behind {@link Gen}'s factories that are more than a described lambda. */
final class Generators {
  /** How many candidates a filter tries while fuzzing before it gives up on the case. */
  static final int MAX_FILTER_CANDIDATES = 100;

  private Generators() {}

  /** A generator with a description; the record's accessor is {@link Gen#description()}. */
  record Described<T>(String description, Gen<T> body) implements Gen<T> {
    Described {
      Objects.requireNonNull(description, "description");
      Objects.requireNonNull(body, "body");
    }

    @Override
    public T generate(ChoiceSource source) {
      return body.generate(source);
    }

    @Override
    public Gen<T> describe(String newDescription) {
      return new Described<>(Objects.requireNonNull(newDescription, "description"), body);
    }

    @Override
    public String toString() {
      return description;
    }
  }

  /**
   * Longs drawn as their offset from a target: one choice per value, and the shrinker's "lower
   * toward 0" on the choice is "move toward the target" on the value.
   */
  static final class Longs implements Gen<Long> {
    private final long min;
    private final long max;
    private final long target;
    private final long lowOffset;
    private final long highOffset;

    Longs(long min, long max, long target) {
      if (min > max || target < min || target > max) {
        throw new IllegalArgumentException(String.format(Locale.ROOT,
            "longs needs min <= target <= max: min %d, target %d, max %d", min, target, max));
      }
      this.min = min;
      this.max = max;
      this.target = target;
      this.lowOffset = offset(min, target, min, max);
      this.highOffset = offset(max, target, min, max);
    }

    private static long offset(long value, long target, long min, long max) {
      try {
        return Math.subtractExact(value, target);
      } catch (ArithmeticException overflow) {
        throw new IllegalArgumentException(String.format(Locale.ROOT,
            "longs(%d, %d, %d): the offsets from the target do not fit a long; use a target closer to 0",
            min, max, target), overflow);
      }
    }

    @Override
    public Long generate(ChoiceSource source) {
      return target + source.choose(lowOffset, highOffset);
    }

    @Override
    public String description() {
      return target == closestToZero(min, max)
          ? "longs(" + min + ", " + max + ")"
          : "longs(" + min + ", " + max + ", " + target + ")";
    }

    @Override
    public String toString() {
      return description();
    }
  }

  /** Hypothesis-style lists: see {@link Gen#listOf}. */
  static final class ListOf<T> implements Gen<List<T>> {
    private final Gen<T> element;
    private final int minSize;
    private final int maxSize;
    private final Ratio continueRatio;

    ListOf(Gen<T> element, int minSize, int maxSize) {
      this.element = Objects.requireNonNull(element, "element");
      if (minSize < 0 || maxSize < minSize) {
        throw new IllegalArgumentException("listOf needs 0 <= minSize <= maxSize: " + minSize + ", " + maxSize);
      }
      this.minSize = minSize;
      this.maxSize = maxSize;
      // A geometric number of optional elements with mean p / (1 - p) = averageExtra.
      long averageExtra = Math.max(1, Math.min(5, (maxSize - (long) minSize + 1) / 2));
      this.continueRatio = Ratio.of(averageExtra, averageExtra + 1);
    }

    @Override
    public List<T> generate(ChoiceSource source) {
      source.startSpan("list");
      List<T> elements = new ArrayList<>();
      while (elements.size() < minSize) {
        source.startSpan("element");
        elements.add(element.generate(source));
        source.endSpan();
      }
      while (elements.size() < maxSize) {
        source.startSpan("optional element");
        if (!source.chance(continueRatio)) {
          source.cancelSpan(); // the stop decision is no element: never sort or delete it as one
          break;
        }
        elements.add(element.generate(source));
        source.endSpan();
      }
      source.endSpan();
      return Collections.unmodifiableList(elements);
    }

    @Override
    public String description() {
      return "listOf(" + element.description() + ", " + minSize + ", " + maxSize + ")";
    }

    @Override
    public String toString() {
      return description();
    }
  }

  /** See {@link Gen#filter}. */
  static final class Filter<T> implements Gen<T> {
    private final Gen<T> source;
    private final Predicate<? super T> predicate;

    Filter(Gen<T> source, Predicate<? super T> predicate) {
      this.source = source;
      this.predicate = predicate;
    }

    @Override
    public T generate(ChoiceSource choices) {
      // Enumeration explores every candidate of the first draw; retrying would only revisit them.
      int candidates = choices instanceof EnumeratingChoiceSource ? 1 : MAX_FILTER_CANDIDATES;
      for (int i = 0; i < candidates; i++) {
        choices.startSpan("filter candidate");
        T value = source.generate(choices);
        choices.endSpan();
        if (predicate.test(value)) {
          return value;
        }
      }
      throw new GenerationException(String.format(Locale.ROOT,
          "filter rejected %d of %d candidates for %s", candidates, candidates, source.description()));
    }

    @Override
    public String description() {
      return source.description() + ".filter";
    }

    @Override
    public String toString() {
      return description();
    }
  }

  /** The value of {@code [min, max]} closest to 0: the default target of integer generators. */
  static long closestToZero(long min, long max) {
    return RecordingChoiceSource.simplest(min, max);
  }

  static String describeAll(List<? extends Gen<?>> generators) {
    StringBuilder text = new StringBuilder();
    for (Gen<?> generator : generators) {
      text.append(text.length() == 0 ? "" : ", ").append(generator.description());
    }
    return text.toString();
  }

  static String zipDescription(Gen<?>... generators) {
    return "zip(" + describeAll(List.of(generators)) + ")";
  }
}
