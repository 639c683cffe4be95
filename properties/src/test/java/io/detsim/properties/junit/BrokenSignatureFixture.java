package io.detsim.properties.junit;

import io.detsim.properties.core.Gen;
import io.detsim.properties.core.Property;
import io.detsim.properties.core.Verdict;

/** @SimProperty methods that cannot run, each in its own way. A fixture of the engine's tests. */
public class BrokenSignatureFixture {

  @SimProperty
  Property<Long> withParameter(long limit) {
    return Property.of("with a parameter", Gen.longs(0, limit), value -> Verdict.pass());
  }

  @SimProperty
  void returnsNothing() {}

  @SimProperty
  String returnsString() {
    return "not a property";
  }

  @SimProperty(tries = -1, seed = "xyz", mode = "fast")
  Property<Long> badAnnotation() {
    return Property.of("bad annotation", Gen.longs(0, 1), value -> Verdict.pass());
  }

  @SimProperty
  Property<Long> returnsNull() {
    return null;
  }

  @SimProperty
  Property<Long> throwsWhileBuilding() {
    throw new UnsupportedOperationException("no generator yet");
  }

  /** A class detsim cannot create: an instance property fails, a static one runs. */
  public static class NeedsArgument {
    NeedsArgument(int argument) {}

    @SimProperty
    Property<Long> instanceProperty() {
      return Property.of("instance", Gen.longs(0, 1), value -> Verdict.pass());
    }

    @SimProperty
    static Property<Long> staticProperty() {
      return Property.of("static", Gen.longs(0, 1), value -> Verdict.pass());
    }
  }
}
