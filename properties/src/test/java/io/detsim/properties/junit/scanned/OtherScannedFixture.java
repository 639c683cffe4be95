package io.detsim.properties.junit.scanned;

import io.detsim.properties.core.Gen;
import io.detsim.properties.core.Property;
import io.detsim.properties.core.Verdict;
import io.detsim.properties.junit.SimProperty;

/** A second class of the scanned package, for the class name filter to exclude. */
public class OtherScannedFixture {

  @SimProperty
  Property<Integer> other() {
    return Property.of("other", Gen.ints(0, 3), value -> Verdict.pass());
  }
}
