package io.detsim.properties.junit.scanned;

import io.detsim.properties.core.Gen;
import io.detsim.properties.core.Property;
import io.detsim.properties.core.Verdict;
import io.detsim.properties.junit.SimProperty;

/** Found by package and classpath root scans. A fixture of the engine's tests. */
public class ScannedFixture {

  @SimProperty
  Property<Integer> first() {
    return Property.of("first", Gen.ints(0, 3), value -> Verdict.pass());
  }

  @SimProperty
  static Property<Integer> second() {
    return Property.of("second", Gen.ints(0, 3), value -> Verdict.pass());
  }

  /** Not a property: no annotation. */
  Property<Integer> notAProperty() {
    return Property.of("not a property", Gen.ints(0, 3), value -> Verdict.pass());
  }
}
