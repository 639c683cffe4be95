package io.detsim.properties.junit;

import io.detsim.properties.core.Gen;
import io.detsim.properties.core.Property;
import io.detsim.properties.core.Verdict;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Small spaces to enumerate, recording what they checked. A fixture of the engine's tests. */
public class ExhaustiveFixture {
  static final List<Integer> DIGITS_SEEN = Collections.synchronizedList(new ArrayList<>());
  static final List<List<Boolean>> PAIRS_SEEN = Collections.synchronizedList(new ArrayList<>());

  static void reset() {
    DIGITS_SEEN.clear();
    PAIRS_SEEN.clear();
  }

  @SimProperty
  Property<Integer> digits() {
    return Property.of("digits", Gen.ints(0, 9), digit -> {
      DIGITS_SEEN.add(digit);
      return Verdict.pass();
    });
  }

  @SimProperty(mode = "exhaustive")
  Property<List<Boolean>> booleanPairs() {
    return Property.of("boolean pairs", Gen.zip(Gen.booleans(), Gen.booleans(), List::of), pair -> {
      PAIRS_SEEN.add(pair);
      return Verdict.pass();
    });
  }
}
