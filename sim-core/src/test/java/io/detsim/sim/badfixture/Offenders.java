package io.detsim.sim.badfixture;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * Code that breaks each determinism rule, so that {@code DeterminismRulesTest} can show the rules
 * catch it. Never used by anything else.
 */
public final class Offenders {
  private Offenders() {}

  public static final class ReadsTheWallClock {
    public long now() {
      return System.nanoTime();
    }
  }

  public static final class StartsAThread {
    public void run() {
      new Thread(() -> {}).start();
    }
  }

  public static final class IteratesAHashMap {
    private final Map<String, Integer> counts = new HashMap<>();

    public Map<String, Integer> counts() {
      return counts;
    }
  }

  public static final class UsesSetOf {
    public Set<String> names() {
      return Set.of("a", "b");
    }
  }

  public static final class DrawsUnseededRandomness {
    public double draw() {
      return Math.random() + new java.util.Random().nextInt();
    }
  }

  public static final class KeepsStaticState {
    static int counter;
    static final java.util.ArrayList<String> SEEN = new java.util.ArrayList<>();
  }
}
