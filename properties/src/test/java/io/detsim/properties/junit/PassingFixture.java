package io.detsim.properties.junit;

import io.detsim.properties.core.Gen;
import io.detsim.properties.core.Property;
import io.detsim.properties.core.Verdict;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Properties that hold, counting their checks (tests only: reset before each test). A fixture of
 * the engine's tests; its name keeps Surefire from running it on its own.
 */
public class PassingFixture {
  static final AtomicInteger LONGS_CHECKS = new AtomicInteger();
  static final List<Long> LONGS_SEEN = Collections.synchronizedList(new ArrayList<>());
  static final AtomicInteger SEVEN_CHECKS = new AtomicInteger();

  static void reset() {
    LONGS_CHECKS.set(0);
    LONGS_SEEN.clear();
    SEVEN_CHECKS.set(0);
  }

  @SimProperty
  Property<Long> longsBelow5000() {
    return Property.of("longs in [0, 1000] are below 5000", Gen.longs(0, 1_000), value -> {
      LONGS_CHECKS.incrementAndGet();
      LONGS_SEEN.add(value);
      return Verdict.that(value < 5_000, "too-big", value + " is not below 5000");
    }).withLabels(value -> List.of(value < 500 ? "low" : "high"));
  }

  @SimProperty(tries = 7)
  Property<Long> sevenTries() {
    return Property.of("seven tries", Gen.longs(0, 10), value -> {
      SEVEN_CHECKS.incrementAndGet();
      return Verdict.pass();
    });
  }

  @SimProperty(seed = "c0ffee", tries = 3)
  static Property<Integer> staticWithSeed() {
    return Property.of("a static property with its own seed", Gen.ints(0, 9), value -> Verdict.pass());
  }
}
