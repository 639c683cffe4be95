package io.detsim.properties.core;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * A property: a name, a generator of inputs, a check that judges one input, and optional labels
 * that classify inputs for the coverage report.
 *
 * <p>The check must be deterministic, a function of its input alone, and must not draw on the
 * input's choices: a failure is reproduced and shrunk by regenerating the input from its choice
 * sequence and checking it again. An exception or {@link AssertionError} thrown by the check is a
 * failure whose kind is the exception's class name.
 *
 * @param origin what made this property, for tools that write a failure file a person can replay
 *     (a scenario and its mutants, say); {@code Optional.empty()} for a plain property
 */
public record Property<T>(
    String name,
    Gen<T> input,
    Function<? super T, Verdict> check,
    Function<? super T, ? extends List<String>> labels,
    Optional<Object> origin) {

  public Property {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(input, "input");
    Objects.requireNonNull(check, "check");
    Objects.requireNonNull(labels, "labels");
    Objects.requireNonNull(origin, "origin");
  }

  /** A property without labels. */
  public static <T> Property<T> of(String name, Gen<T> input, Function<? super T, Verdict> check) {
    return new Property<>(name, input, check, value -> List.of(), Optional.empty());
  }

  /** This property, classifying each input with {@code labels} for the coverage report. */
  public Property<T> withLabels(Function<? super T, ? extends List<String>> labels) {
    return new Property<>(name, input, check, labels, origin);
  }

  /** This property, made by {@code maker}: see {@link #origin()}. */
  public Property<T> withOrigin(Object maker) {
    return new Property<>(name, input, check, labels, Optional.of(maker));
  }
}
