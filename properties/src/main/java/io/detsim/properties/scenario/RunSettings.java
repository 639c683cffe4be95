package io.detsim.properties.scenario;

import io.detsim.sim.HandlerMeter;
import io.detsim.sim.Simulation;
import io.detsim.sim.trace.TraceSink;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.BooleanSupplier;

/**
 * How a scenario runs one input besides the input itself.
 *
 * <p>A scenario's run loop calls {@link #checkContinue} between steps (the engine's runner does at
 * every 50 ms checkpoint of virtual time): that is how a campaign's deadline or a SIGTERM stops a
 * run in flight without waiting for it to end, and how a hand-written fault at 100000000s stops
 * instead of running for days. A stopped run has no verdict ({@link RunStoppedException}).
 *
 * @param plantedBugs names of {@link Scenario#plantedBugs()} to switch on; empty for the real system
 * @param trace where every trace event goes as well, for a trace file or a timeline
 * @param maxSimulatedNanos the most virtual time a run may take; {@link Long#MAX_VALUE} for no bound
 * @param cancelled polled between steps; true stops the run
 * @param meter told the cost of every node handler, for a benchmark ({@link HandlerMeter}); a
 *     scenario gives it to its simulation with {@link Simulation#meterHandlers}
 */
public record RunSettings(Set<String> plantedBugs, Optional<TraceSink> trace, long maxSimulatedNanos,
    BooleanSupplier cancelled, Optional<HandlerMeter> meter) {
  private static final BooleanSupplier NEVER = () -> false;

  public RunSettings {
    plantedBugs = java.util.Collections.unmodifiableSortedSet(new TreeSet<>(plantedBugs));
    Objects.requireNonNull(trace, "trace");
    Objects.requireNonNull(cancelled, "cancelled");
    Objects.requireNonNull(meter, "meter");
    if (maxSimulatedNanos <= 0) {
      throw new IllegalArgumentException("maxSimulatedNanos must be positive: " + maxSimulatedNanos);
    }
  }

  /** Settings with no time bound that are never cancelled. */
  public RunSettings(Set<String> plantedBugs, Optional<TraceSink> trace) {
    this(plantedBugs, trace, Long.MAX_VALUE, NEVER, Optional.empty());
  }

  /** The real system, no trace kept, no bound. */
  public static RunSettings plain() {
    return new RunSettings(Set.of(), Optional.empty());
  }

  /** These settings, with {@code bugs} planted. */
  public RunSettings withPlantedBugs(Set<String> bugs) {
    return new RunSettings(bugs, trace, maxSimulatedNanos, cancelled, meter);
  }

  /** These settings, with every trace event also given to {@code sink}. */
  public RunSettings withTrace(TraceSink sink) {
    return new RunSettings(plantedBugs, Optional.of(sink), maxSimulatedNanos, cancelled, meter);
  }

  /** These settings, with a run stopped once its virtual clock passes {@code nanos}. */
  public RunSettings withMaxSimulatedNanos(long nanos) {
    return new RunSettings(plantedBugs, trace, nanos, cancelled, meter);
  }

  /** These settings, with a run stopped at its next step once {@code check} says so. */
  public RunSettings withCancellation(BooleanSupplier check) {
    return new RunSettings(plantedBugs, trace, maxSimulatedNanos, check, meter);
  }

  /** These settings, with every node handler of the run measured by {@code handlerMeter}. */
  public RunSettings withHandlerMeter(HandlerMeter handlerMeter) {
    return new RunSettings(plantedBugs, trace, maxSimulatedNanos, cancelled, Optional.of(handlerMeter));
  }

  /** True when the planted bug {@code name} is switched on. */
  public boolean isPlanted(String name) {
    return plantedBugs.contains(name);
  }

  /**
   * The constants of a system's bug catalogue that are switched on, a constant's name being its
   * {@link PlantedBug} name in lower case with dashes ({@code ACK_BEFORE_SYNC} is
   * {@code ack-before-sync}): what a scenario plants in its simulation
   * ({@link io.detsim.sim.SimOptions#withPlanted}), for its nodes to ask of their context.
   *
   * @throws IllegalArgumentException when a planted name is no constant of {@code catalogue}: a
   *     bug asked for and silently not planted would make a run pass for the wrong reason
   */
  public <E extends Enum<E>> Set<E> planted(Class<E> catalogue) {
    Set<E> planted = java.util.EnumSet.noneOf(catalogue);
    for (String name : plantedBugs) {
      E bug = null;
      for (E candidate : catalogue.getEnumConstants()) {
        if (candidate.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-').equals(name)) {
          bug = candidate;
        }
      }
      if (bug == null) {
        throw new IllegalArgumentException("no planted bug '" + name + "' in " + catalogue.getSimpleName());
      }
      planted.add(bug);
    }
    return planted;
  }

  /**
   * Called by a run loop between steps, at virtual time {@code simulatedNanos}.
   *
   * @throws RunStoppedException when the run is cancelled or past its bound
   */
  public void checkContinue(long simulatedNanos) {
    if (cancelled.getAsBoolean()) {
      throw new RunStoppedException(RunStoppedException.Reason.CANCELLED, simulatedNanos, maxSimulatedNanos);
    }
    if (simulatedNanos > maxSimulatedNanos) {
      throw new RunStoppedException(RunStoppedException.Reason.PAST_TIME_BOUND, simulatedNanos, maxSimulatedNanos);
    }
  }
}
