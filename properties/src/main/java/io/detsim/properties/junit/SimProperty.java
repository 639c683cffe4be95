package io.detsim.properties.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a method that returns a {@link io.detsim.properties.core.Property} for detsim's test
 * engine to run: one property, one test, beside the module's Jupiter tests.
 *
 * <p>The method takes no parameters (the property's generator makes the inputs) and returns
 * {@code Property<?>}; it may be static. For an instance method the engine creates the class with
 * its no-argument constructor, once per property. A method that breaks these rules is reported as
 * a failed test that says what is wrong.
 *
 * <pre>{@code
 * class QueueProperties {
 *   @SimProperty(tries = 500)
 *   Property<List<Op>> queueKeepsOrder() {
 *     return Property.of("queue keeps order", Gen.listOf(OPS, 0, 50), Queues::checkOrder);
 *   }
 * }
 * }</pre>
 *
 * <p>Every element left at its default takes its value from the configuration parameters
 * ({@code detsim.tries}, {@code detsim.seed}, {@code detsim.shrink.attempts}, {@code detsim.mode}:
 * see the package documentation); an element set here overrides them for this property.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface SimProperty {

  /** Random inputs to check; 0 takes {@code detsim.tries}. Nightly mode runs 100 times as many. */
  int tries() default 0;

  /**
   * The start seed in hex ({@code "c0ffee"} or {@code "0xc0ffee"}); empty takes {@code detsim.seed},
   * whose default is 0 (a fresh seed in nightly mode).
   */
  String seed() default "";

  /** The shrinker's budget of candidate runs; 0 reports failures unshrunk; -1 takes {@code detsim.shrink.attempts}. */
  int shrinkAttempts() default -1;

  /** {@code "random"}, {@code "exhaustive"} or {@code "nightly"}; empty takes {@code detsim.mode}. */
  String mode() default "";

  /**
   * Runs only in nightly mode ({@code detsim.mode=nightly}) and is reported as skipped otherwise:
   * for properties whose every try is long (ten virtual minutes, say). In nightly mode such a
   * property runs exactly {@link #tries()} tries, not 100 times as many.
   */
  boolean nightlyOnly() default false;
}
