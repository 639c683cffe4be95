package io.detsim.properties.junit;

import static org.assertj.core.api.Assertions.assertThat;

import io.detsim.properties.core.Gen;
import io.detsim.properties.core.Property;
import io.detsim.properties.core.Verdict;
import org.junit.jupiter.api.Test;

/** A class with a Jupiter test and a property: each engine must run only its own. */
public class MixedFixture {

  @Test
  void jupiterTest() {
    assertThat(1 + 1).isEqualTo(2);
  }

  @SimProperty
  Property<Integer> detsimProperty() {
    return Property.of("ints are ints", Gen.ints(0, 3), value -> Verdict.pass());
  }
}
