package io.detsim.properties.scenario;

import io.detsim.properties.core.ChoiceSource;
import io.detsim.properties.core.Gen;
import io.detsim.sim.SimOptions;
import io.detsim.sim.buggify.BuggifyOptions;
import io.detsim.sim.disk.DiskOptions;
import io.detsim.sim.fault.FaultKind;
import io.detsim.sim.net.NetworkOptions;
import io.detsim.sim.port.Ratio;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;

/**
 * Swarm testing [1]: each run enables a random subset of the fault kinds, a coin per kind, and the
 * standing knobs of those it enabled (how often the network loses, duplicates and reorders, how
 * often a crash tears a write). A run with every fault at once is rarely the run that finds a bug:
 * one fault masks another (a partition hides the reordering it would have exposed). Random subsets
 * give rare combinations their turn, and a run with no fault at all keeps the happy path tested.
 *
 * <p>There is one swarm: the engine's fuzzer draws each run's swarm with {@link #gen}, and so can a
 * scenario of yours. It is drawn from choices, so it shrinks: a coin at 0 is "off", and a knob at 0
 * is its rarest, gentlest rate, so a failing run keeps only the kinds its failure needs.
 *
 * <pre>
 * Swarm swarm = Swarm.gen(EnumSet.allOf(FaultKind.class)).generate(source);
 * Simulation sim = new Simulation(seed, swarm.options());           // the standing faults
 * FaultScheduleGen faults = FaultScheduleGen.over(nodes).kinds(...); // scheduled ones, of swarm.enabled()
 * </pre>
 *
 * <p>[1] A. Groce, C. Zhang, E. Eide, Y. Chen, J. Regehr, "Swarm testing", ISSTA 2012.
 *
 * @param enabled the fault kinds this run enables
 * @param loss the share of messages lost ({@link Ratio#NEVER} unless {@code LOSS} is enabled)
 * @param duplicate the share of messages delivered twice (unless {@code DUPLICATE}: never)
 * @param reorder the share of messages overtaken by later ones (unless {@code REORDER}: never)
 * @param tornWrites the share of unsynced writes a crash tears (unless {@code DISK}: never)
 */
public record Swarm(Set<FaultKind> enabled, Ratio loss, Ratio duplicate, Ratio reorder, Ratio tornWrites) {

  public Swarm {
    enabled = Collections.unmodifiableSet(enabled.isEmpty() ? EnumSet.noneOf(FaultKind.class) : EnumSet.copyOf(enabled));
  }

  /** No fault kind at all: the happy path. */
  public static Swarm none() {
    return new Swarm(EnumSet.noneOf(FaultKind.class), Ratio.NEVER, Ratio.NEVER, Ratio.NEVER, Ratio.NEVER);
  }

  /** {@code kinds} enabled for scheduled faults, with no standing knob (no background loss, say). */
  public static Swarm only(Set<FaultKind> kinds) {
    return new Swarm(kinds, Ratio.NEVER, Ratio.NEVER, Ratio.NEVER, Ratio.NEVER);
  }

  /**
   * The swarm of one run, drawn from choices: a coin for each of the {@code eligible} kinds (in
   * {@link FaultKind}'s order, one span), then the knobs of the enabled ones.
   */
  public static Gen<Swarm> gen(Set<FaultKind> eligible) {
    Set<FaultKind> kinds = eligible.isEmpty() ? EnumSet.noneOf(FaultKind.class) : EnumSet.copyOf(eligible);
    Gen<Swarm> gen = source -> draw(kinds, source);
    return gen.describe("swarm of " + kinds);
  }

  private static Swarm draw(Set<FaultKind> eligible, ChoiceSource source) {
    EnumSet<FaultKind> enabled = EnumSet.noneOf(FaultKind.class);
    source.startSpan("swarm");
    for (FaultKind kind : FaultKind.values()) {
      if (eligible.contains(kind) && source.chance(Ratio.of(1, 2))) {
        enabled.add(kind);
      }
    }
    source.endSpan();
    return new Swarm(enabled, knob(source, enabled, FaultKind.LOSS, 10, 500),
        knob(source, enabled, FaultKind.DUPLICATE, 10, 200), knob(source, enabled, FaultKind.REORDER, 5, 100),
        enabled.contains(FaultKind.DISK) ? Ratio.of(1, source.choose(1, 4)) : Ratio.NEVER);
  }

  /** From one in {@code range} (choice 0: the rarest, gentlest rate) up to one in {@code mostOften}. */
  private static Ratio knob(ChoiceSource source, Set<FaultKind> enabled, FaultKind kind, int mostOften, int range) {
    if (!enabled.contains(kind)) {
      return Ratio.NEVER;
    }
    return Ratio.of(1, range - source.choose(0, range - mostOften));
  }

  public boolean has(FaultKind kind) {
    return enabled.contains(kind);
  }

  /** The simulated world of this run: its standing network and disk faults, BUGGIFY, shuffled ties. */
  public SimOptions options() {
    NetworkOptions network = NetworkOptions.none().withLoss(loss).withDuplicate(duplicate).withReorder(reorder);
    DiskOptions disk = DiskOptions.none().withTornWriteRatio(tornWrites);
    BuggifyOptions buggify = has(FaultKind.BUGGIFY) ? BuggifyOptions.standard() : BuggifyOptions.none();
    return new SimOptions(network, disk, buggify, has(FaultKind.SHUFFLE_TIES));
  }
}
