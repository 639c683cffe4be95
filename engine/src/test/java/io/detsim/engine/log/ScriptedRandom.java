package io.detsim.engine.log;

import io.detsim.sim.port.RandomSource;
import java.util.ArrayDeque;
import java.util.Arrays;

/** A random source that answers bounded draws from a script: aims a disk fault at a chosen byte. */
final class ScriptedRandom implements RandomSource {
  private final ArrayDeque<Long> values;

  ScriptedRandom(long... values) {
    this.values = new ArrayDeque<>(Arrays.stream(values).boxed().toList());
  }

  @Override
  public long nextLong() {
    return values.removeFirst();
  }

  @Override
  public long nextLong(long bound) {
    long value = values.removeFirst();
    if (value < 0 || value >= bound) {
      throw new AssertionError("scripted " + value + " is outside [0, " + bound + ")");
    }
    return value;
  }
}
