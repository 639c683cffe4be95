package io.detsim.properties.junit;

import io.detsim.properties.core.Gen;
import io.detsim.properties.core.Property;
import io.detsim.properties.core.Verdict;
import java.util.List;

/** A property that fails and shrinks to 1234. A fixture of the engine's tests. */
public class FailingFixture {

  @SimProperty
  Property<Long> belowLimit() {
    return Property.of("x below 1234", Gen.longs(0, 1_000_000),
        value -> Verdict.that(value < 1234, "too-big", value + " is not below 1234"))
        .withLabels(value -> List.of(value < 1234 ? "below" : "at-or-above"));
  }
}
