package io.detsim.properties.core;

import io.detsim.sim.port.Ratio;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * A generator: a function from choices to a value.
 *
 * <p>A generator holds no state and draws all its randomness from the {@link ChoiceSource}, so the
 * same choices always make the same value. That is what lets the runner record an input as its
 * choices, replay it exactly, and shrink it by editing the choices (see {@link ChoiceSource}).
 * Write your own as a lambda; open a span ({@link ChoiceSource#startSpan}) around any structure of
 * several choices so that the shrinker can delete it as a whole.
 *
 * <p>Every built-in generator shrinks toward a documented simplest value: integers toward their
 * target, booleans toward false, choices toward the first option, lists toward fewer and simpler
 * elements.
 */
@FunctionalInterface
public interface Gen<T> {

  T generate(ChoiceSource source);

  /** What this generator makes, for error messages and reports. */
  default String description() {
    return "custom generator";
  }

  /** This generator, described as {@code description} in messages. */
  default Gen<T> describe(String description) {
    return new Generators.Described<>(Objects.requireNonNull(description, "description"), this);
  }

  default <R> Gen<R> map(Function<? super T, ? extends R> mapper) {
    Objects.requireNonNull(mapper, "mapper");
    return new Generators.Described<>(description() + ".map", source -> mapper.apply(generate(source)));
  }

  /** Generation that depends on a value: the second generator is chosen by the first value. */
  default <R> Gen<R> flatMap(Function<? super T, ? extends Gen<R>> next) {
    Objects.requireNonNull(next, "next");
    return new Generators.Described<>(description() + ".flatMap", source -> {
      source.startSpan("flatMap");
      T first = generate(source);
      R second = Objects.requireNonNull(next.apply(first), "flatMap returned no generator").generate(source);
      source.endSpan();
      return second;
    });
  }

  /**
   * Values that pass {@code predicate}, trying up to 100 candidates. Each candidate is its own span,
   * so the shrinker deletes rejected ones. In exhaustive mode a rejected candidate ends the case at
   * once: the enumeration visits every other candidate anyway.
   *
   * @throws GenerationException from {@link #generate} when every candidate was rejected
   */
  default Gen<T> filter(Predicate<? super T> predicate) {
    return new Generators.Filter<>(this, Objects.requireNonNull(predicate, "predicate"));
  }

  /** Longs in {@code [min, max]} shrinking toward the value closest to 0. */
  static Gen<Long> longs(long min, long max) {
    return longs(min, max, Generators.closestToZero(min, max));
  }

  /**
   * Longs in {@code [min, max]} shrinking toward {@code target}. The choice drawn is the offset from
   * the target, so lowering it moves the value toward the target, and each value has exactly one
   * choice (exhaustive mode enumerates each once).
   *
   * @throws IllegalArgumentException unless {@code min <= target <= max}, or when the range holds
   *     more than 2^63 values around a target other than the value closest to 0 (the offsets
   *     would not fit a long)
   */
  static Gen<Long> longs(long min, long max, long target) {
    return new Generators.Longs(min, max, target);
  }

  /** Ints in {@code [min, max]} shrinking toward the value closest to 0. */
  static Gen<Integer> ints(int min, int max) {
    return ints(min, max, (int) Generators.closestToZero(min, max));
  }

  /** Ints in {@code [min, max]} shrinking toward {@code target}: see {@link #longs(long, long, long)}. */
  static Gen<Integer> ints(int min, int max, int target) {
    Gen<Long> longs = longs(min, max, target);
    return new Generators.Described<>(longs.description().replaceFirst("^longs", "ints"),
        source -> (int) (long) longs.generate(source));
  }

  /** A fair coin, shrinking toward false. */
  static Gen<Boolean> booleans() {
    return booleans(Ratio.of(1, 2));
  }

  /** True with probability {@code trueRatio} when drawn at random; shrinks toward false. */
  static Gen<Boolean> booleans(Ratio trueRatio) {
    Objects.requireNonNull(trueRatio, "trueRatio");
    return new Generators.Described<>("booleans(" + trueRatio + ")", source -> source.chance(trueRatio));
  }

  /** Always {@code value}; draws no choice. */
  static <T> Gen<T> constant(T value) {
    return new Generators.Described<>("constant(" + value + ")", source -> value);
  }

  /** One of {@code values}, uniformly; shrinks toward the first. */
  @SafeVarargs
  static <T> Gen<T> oneOf(T... values) {
    List<T> options = List.copyOf(Arrays.asList(values));
    if (options.isEmpty()) {
      throw new IllegalArgumentException("oneOf needs at least one value");
    }
    return new Generators.Described<>("oneOf" + options,
        source -> options.get((int) source.choose(0, options.size() - 1)));
  }

  /** A value of one of {@code generators}, chosen uniformly; shrinks toward the first. */
  static <T> Gen<T> oneOf(List<? extends Gen<? extends T>> generators) {
    List<Gen<? extends T>> options = List.copyOf(generators);
    if (options.isEmpty()) {
      throw new IllegalArgumentException("oneOf needs at least one generator");
    }
    return new Generators.Described<>("oneOf(" + Generators.describeAll(options) + ")", source -> {
      source.startSpan("oneOf");
      T value = options.get((int) source.choose(0, options.size() - 1)).generate(source);
      source.endSpan();
      return value;
    });
  }

  /**
   * A weighted choice of generators, continued with {@link Frequency#or}: for example
   * {@code frequency(8, writes).or(1, crashes)}. Shrinks toward the first generator.
   */
  static <T> Frequency<T> frequency(int weight, Gen<? extends T> generator) {
    return new Frequency<T>(List.of(), List.of()).or(weight, generator);
  }

  /**
   * Lists of {@code minSize} to {@code maxSize} elements, Hypothesis style: before each element
   * beyond {@code minSize} a "continue?" choice (a biased coin whose mean gives lists of about
   * {@code minSize} + min(5, half the free range) elements), and each element in its own span with
   * its "continue?" choice, so that deleting a span removes one element and shortens the list.
   */
  static <T> Gen<List<T>> listOf(Gen<T> element, int minSize, int maxSize) {
    return new Generators.ListOf<>(element, minSize, maxSize);
  }

  static <A, B, R> Gen<R> zip(Gen<A> first, Gen<B> second, BiFunction<? super A, ? super B, ? extends R> combiner) {
    Objects.requireNonNull(combiner, "combiner");
    return new Generators.Described<>(Generators.zipDescription(first, second), source -> {
      source.startSpan("zip");
      A a = first.generate(source);
      B b = second.generate(source);
      source.endSpan();
      return combiner.apply(a, b);
    });
  }

  static <A, B, C, R> Gen<R> zip(Gen<A> first, Gen<B> second, Gen<C> third,
      Function3<? super A, ? super B, ? super C, ? extends R> combiner) {
    Objects.requireNonNull(combiner, "combiner");
    return new Generators.Described<>(Generators.zipDescription(first, second, third), source -> {
      source.startSpan("zip");
      A a = first.generate(source);
      B b = second.generate(source);
      C c = third.generate(source);
      source.endSpan();
      return combiner.apply(a, b, c);
    });
  }

  static <A, B, C, D, R> Gen<R> zip(Gen<A> first, Gen<B> second, Gen<C> third, Gen<D> fourth,
      Function4<? super A, ? super B, ? super C, ? super D, ? extends R> combiner) {
    Objects.requireNonNull(combiner, "combiner");
    return new Generators.Described<>(Generators.zipDescription(first, second, third, fourth), source -> {
      source.startSpan("zip");
      A a = first.generate(source);
      B b = second.generate(source);
      C c = third.generate(source);
      D d = fourth.generate(source);
      source.endSpan();
      return combiner.apply(a, b, c, d);
    });
  }

  /**
   * A generator made when it is first used, for recursive structures. Put the base case first in
   * the {@code oneOf} or {@code frequency} that recurses: choice 0 must end the recursion, because
   * replay past the end of a sequence, and shrinking, choose 0.
   */
  static <T> Gen<T> lazy(Supplier<? extends Gen<T>> supplier) {
    Objects.requireNonNull(supplier, "supplier");
    return new Generators.Described<>("lazy",
        source -> Objects.requireNonNull(supplier.get(), "lazy supplier returned no generator").generate(source));
  }

  /** A function of three arguments, for {@link #zip(Gen, Gen, Gen, Function3)}. */
  @FunctionalInterface
  interface Function3<A, B, C, R> {
    R apply(A a, B b, C c);
  }

  /** A function of four arguments, for {@link #zip(Gen, Gen, Gen, Gen, Function4)}. */
  @FunctionalInterface
  interface Function4<A, B, C, D, R> {
    R apply(A a, B b, C c, D d);
  }

  /**
   * A weighted choice between generators. Drawn as a chain of biased coins, one per option but the
   * last ("skip this option?"), rather than one choice over the sum of the weights: exhaustive mode
   * then visits each option exactly once, a zero weight is never chosen, and shrinking (coins toward
   * 0, "do not skip") moves toward the first option.
   */
  final class Frequency<T> implements Gen<T> {
    private final List<Integer> weights;
    private final List<Gen<? extends T>> generators;

    private Frequency(List<Integer> weights, List<Gen<? extends T>> generators) {
      this.weights = weights;
      this.generators = generators;
    }

    /** This choice with one more option. */
    public Frequency<T> or(int weight, Gen<? extends T> generator) {
      if (weight < 0) {
        throw new IllegalArgumentException("a weight cannot be negative: " + weight);
      }
      List<Integer> moreWeights = new ArrayList<>(weights);
      moreWeights.add(weight);
      List<Gen<? extends T>> moreGenerators = new ArrayList<>(generators);
      moreGenerators.add(Objects.requireNonNull(generator, "generator"));
      return new Frequency<>(List.copyOf(moreWeights), List.copyOf(moreGenerators));
    }

    @Override
    public T generate(ChoiceSource source) {
      long remaining = 0;
      for (int weight : weights) {
        remaining += weight;
      }
      if (remaining == 0) {
        throw new IllegalArgumentException("frequency needs a positive total weight: " + description());
      }
      source.startSpan("frequency");
      int chosen = generators.size() - 1;
      for (int i = 0; i < generators.size() - 1; i++) {
        long weight = weights.get(i);
        if (weight == remaining || (weight > 0 && !source.chance(Ratio.of(remaining - weight, remaining)))) {
          chosen = i;
          break;
        }
        remaining -= weight;
      }
      T value = generators.get(chosen).generate(source);
      source.endSpan();
      return value;
    }

    @Override
    public String description() {
      StringBuilder text = new StringBuilder("frequency(");
      for (int i = 0; i < generators.size(); i++) {
        text.append(i == 0 ? "" : ", ").append(weights.get(i)).append(": ").append(generators.get(i).description());
      }
      return text.append(')').toString();
    }

    @Override
    public String toString() {
      return description();
    }
  }
}
