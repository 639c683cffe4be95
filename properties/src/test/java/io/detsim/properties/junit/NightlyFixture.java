package io.detsim.properties.junit;

import io.detsim.properties.core.Gen;
import io.detsim.properties.core.Property;
import io.detsim.properties.core.Verdict;
import java.util.concurrent.atomic.AtomicInteger;

/** A long property that runs only in nightly mode, and then exactly its own tries. */
public class NightlyFixture {
  static final AtomicInteger CHECKS = new AtomicInteger();

  @SimProperty(tries = 3, nightlyOnly = true)
  Property<Integer> tenVirtualMinutes() {
    return Property.of("long", Gen.ints(0, 9), value -> {
      CHECKS.incrementAndGet();
      return Verdict.pass();
    });
  }
}
