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
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Swarm testing [1]: each run enables a random subset of the fault kinds, drawn as a list of
 * kinds, and the standing knobs of those it enabled (how often the network loses, duplicates and
 * reorders, how often a crash tears a write). A run with every fault at once is rarely the run that
 * finds a bug: one fault masks another (a partition hides the reordering it would have exposed).
 * Random subsets give rare combinations their turn, and a run with no fault at all keeps the happy
 * path tested.
 *
 * <p>There is one swarm: the engine's fuzzer draws each run's swarm with {@link #gen}, and so can a
 * scenario of yours. It is drawn from choices, so it shrinks: each kind is one span of the list, so
 * a failing run keeps only the kinds its failure needs, and a loss, duplicate or reorder knob at 0 is
 * its rarest, gentlest rate.
 *
 * <pre>
 * Swarm swarm = Swarm.gen(EnumSet.allOf(FaultKind.class)).generate(source);
 * Simulation sim = new Simulation(seed, swarm.options());            // the standing faults
 * FaultSchedule faults = FaultScheduleGen.over(nodes).kinds(EnumSet.of(CRASH, PAUSE, PARTITION))
 *     .gen(swarm).generate(source);                                  // scheduled ones, those it enables
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
   * The swarm of one run, drawn from choices as a list of kinds: before each, a "one more?" choice;
   * then which of the {@code eligible} kinds, as its index among them in {@link FaultKind}'s order,
   * then its knob, if it has one. Each kind is its own span, knob included, so shrinking deletes a
   * kind in one edit, and a run that needs none of them costs one choice.
   *
   * <p>An index names its kind whatever else was drawn, and an index drawn again adds nothing. So
   * deleting one kind's span never changes what the others name, and a failure keeps exactly the
   * kinds it needs. (An index drawn again once named the kind below it not yet drawn: then a kind
   * far down the order, such as BURST, was reached through the ones drawn before it, none of which
   * could be deleted alone. A planted bug that needs a burst shrank from 85 choices only to 43, with
   * eight kinds where it needs one.)
   *
   * <p>The number of kinds is distributed exactly as with a fair coin for each of the {@code m}
   * eligible kinds (binomial), and detection power depends on it: a geometric length (one more with
   * chance {@code m / (m + 1)}) puts many runs of a space with few eligible kinds at all of them (41 %
   * of the runs over four kinds, where coins put 6 %), and a bug that needs one kind alone is then
   * found about half as often (measured on the engine's compaction bugs: 4, 3 and 10 failures in
   * 1,000 runs of three start seeds, against 13, 13 and 16 with coins). See {@link #oneMore} for how
   * the chance of one more allows for indexes drawn again.
   */
  public static Gen<Swarm> gen(Set<FaultKind> eligible) {
    EnumSet<FaultKind> inOrder = EnumSet.noneOf(FaultKind.class);
    inOrder.addAll(eligible);
    List<FaultKind> kinds = List.copyOf(inOrder);
    Gen<Swarm> gen = source -> draw(kinds, source);
    return gen.describe("swarm of " + kinds);
  }

  private static Swarm draw(List<FaultKind> eligible, ChoiceSource source) {
    EnumSet<FaultKind> enabled = EnumSet.noneOf(FaultKind.class);
    Map<FaultKind, Ratio> knobs = new EnumMap<>(FaultKind.class);
    source.startSpan("swarm");
    while (enabled.size() < eligible.size()) {
      source.startSpan("kind");
      if (!source.chance(oneMore(enabled.size(), eligible.size()))) {
        source.cancelSpan(); // the stop decision is no kind: never deleted as one
        break;
      }
      FaultKind kind = eligible.get((int) source.choose(0, eligible.size() - 1));
      if (enabled.add(kind)) {
        knob(kind, source).ifPresent(knob -> knobs.put(kind, knob));
      }
      source.endSpan();
    }
    source.endSpan();
    return new Swarm(enabled, knobs.getOrDefault(FaultKind.LOSS, Ratio.NEVER),
        knobs.getOrDefault(FaultKind.DUPLICATE, Ratio.NEVER), knobs.getOrDefault(FaultKind.REORDER, Ratio.NEVER),
        knobs.getOrDefault(FaultKind.DISK, Ratio.NEVER));
  }

  /**
   * The chance of drawing once more with {@code n} of {@code m} kinds enabled. With a coin for each
   * kind, the chance that more than {@code n} are on, given that at least {@code n} are, is
   * {@code p = more / atLeast} (binomial tails). A draw names an enabled kind again with chance
   * {@code n / m} and then changes nothing, and the question is asked again; so that the next new
   * kind still comes with chance {@code p} in all, one more is drawn with chance {@code q}, where
   * {@code q (1 - n/m) / (1 - q n/m) = p}: {@code q = p / (1 - (n/m)(1 - p))}, in integers
   * {@code more m / (atLeast m - n (atLeast - more))}.
   */
  private static Ratio oneMore(int n, int m) {
    long atLeast = 0;
    long more = 0;
    long coefficient = 1; // C(m, k), from k = 0
    for (int k = 0; k <= m; k++) {
      atLeast += k >= n ? coefficient : 0;
      more += k > n ? coefficient : 0;
      coefficient = coefficient * (m - k) / (k + 1);
    }
    return Ratio.of(more * m, atLeast * m - n * (atLeast - more));
  }

  /** The standing rate a kind brings, if it has one; choice 0 is its rarest, gentlest rate. */
  private static Optional<Ratio> knob(FaultKind kind, ChoiceSource source) {
    switch (kind) {
      case LOSS:
        return Optional.of(oneIn(source, 10, 500));
      case DUPLICATE:
        return Optional.of(oneIn(source, 10, 200));
      case REORDER:
        return Optional.of(oneIn(source, 5, 100));
      case DISK:
        return Optional.of(Ratio.of(1, source.choose(1, 4))); // torn writes: every one (choice 1) to 1 in 4
      default:
        return Optional.empty();
    }
  }

  /** From one in {@code range} (choice 0) up to one in {@code mostOften}. */
  private static Ratio oneIn(ChoiceSource source, int mostOften, int range) {
    return Ratio.of(1, range - source.choose(0, range - mostOften));
  }

  public boolean has(FaultKind kind) {
    return enabled.contains(kind);
  }

  /**
   * The kind that a choice over all of {@code kinds} names in this swarm: {@code kinds.get(index)}
   * when this swarm enables it, else one of the {@code kinds} it enables, {@code index} modulo their
   * count, so that they share the other values about evenly (over all swarms of twelve kinds, each
   * kind's share of a uniform index is within 14 % of an even one). Draw a scheduled fault's kind
   * this way, over a list that does not depend on the swarm, not over the enabled kinds alone: over
   * those, a swarm shrunk to one kind forces the choice (a range of one value records nothing), so
   * every later choice is read one place early and the failure is lost, and shrinking stops with
   * kinds its failure does not need. Here a kind's own index names it whatever else the swarm holds.
   *
   * @throws IllegalArgumentException when this swarm enables none of {@code kinds}
   */
  public FaultKind pick(List<FaultKind> kinds, int index) {
    FaultKind named = kinds.get(index);
    if (has(named)) {
      return named;
    }
    List<FaultKind> ours = kinds.stream().filter(this::has).toList();
    if (ours.isEmpty()) {
      throw new IllegalArgumentException("this swarm enables none of " + kinds);
    }
    return ours.get(index % ours.size());
  }

  /** The simulated world of this run: its standing network and disk faults, BUGGIFY, shuffled ties. */
  public SimOptions options() {
    NetworkOptions network = NetworkOptions.none().withLoss(loss).withDuplicate(duplicate).withReorder(reorder);
    DiskOptions disk = DiskOptions.none().withTornWriteRatio(tornWrites);
    BuggifyOptions buggify = has(FaultKind.BUGGIFY) ? BuggifyOptions.standard() : BuggifyOptions.none();
    return new SimOptions(network, disk, buggify, has(FaultKind.SHUFFLE_TIES));
  }
}
