package io.detsim.properties.scenario;

import io.detsim.sim.trace.TraceSink;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * How a scenario runs one input besides the input itself.
 *
 * @param plantedBugs names of {@link Scenario#plantedBugs()} to switch on; empty for the real system
 * @param trace where every trace event goes as well, for a trace file or a timeline
 */
public record RunSettings(Set<String> plantedBugs, Optional<TraceSink> trace) {
  public RunSettings {
    plantedBugs = java.util.Collections.unmodifiableSortedSet(new TreeSet<>(plantedBugs));
    Objects.requireNonNull(trace, "trace");
  }

  /** The real system, no trace kept. */
  public static RunSettings plain() {
    return new RunSettings(Set.of(), Optional.empty());
  }

  /** These settings, with {@code bugs} planted. */
  public RunSettings withPlantedBugs(Set<String> bugs) {
    return new RunSettings(bugs, trace);
  }

  /** These settings, with every trace event also given to {@code sink}. */
  public RunSettings withTrace(TraceSink sink) {
    return new RunSettings(plantedBugs, Optional.of(sink));
  }

  /** True when the planted bug {@code name} is switched on. */
  public boolean isPlanted(String name) {
    return plantedBugs.contains(name);
  }
}
