package io.detsim.properties.core;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.BiPredicate;

/**
 * Every input a generator can make, when its choices are small bounded ranges: for example every
 * schedule of at most two faults from a small alphabet at a few instants.
 *
 * <p>Depth-first over the tree of choices: each {@code choose(min, max)} branches over every value
 * of its range, in increasing order, so simpler inputs come first. Each path is run once and
 * de-duplicated by the sequence it actually consumed (a generator that is not a pure function of
 * its choices could otherwise repeat one). A path on which generation fails (a filter rejects its
 * candidate) is counted as invalid and skipped. Exploration is bounded by a count of paths.
 */
public final class Exhaustive {
  private Exhaustive() {}

  /**
   * How an enumeration went.
   *
   * @param cases distinct inputs visited
   * @param invalid paths on which no input could be generated
   * @param exhausted true when every path was explored: {@code cases} is the whole space
   */
  public record Report(long cases, long invalid, boolean exhausted) {}

  /**
   * Visits every input of {@code generator}, exploring at most {@code maxPaths} paths; the visitor
   * returns false to stop early.
   */
  public static <T> Report enumerate(Gen<T> generator, long maxPaths, BiPredicate<? super T, ChoiceSequence> visitor) {
    Objects.requireNonNull(generator, "generator");
    Objects.requireNonNull(visitor, "visitor");
    if (maxPaths < 0) {
      throw new IllegalArgumentException("maxPaths cannot be negative: " + maxPaths);
    }
    Set<ChoiceSequence> seen = new LinkedHashSet<>();
    long[] prefix = new long[0];
    long paths = 0;
    long invalid = 0;
    while (prefix != null) {
      if (paths == maxPaths) {
        return new Report(seen.size(), invalid, false);
      }
      paths++;
      EnumeratingChoiceSource source = new EnumeratingChoiceSource(prefix);
      T value;
      try {
        value = generator.generate(source);
      } catch (GenerationException rejected) {
        invalid++;
        prefix = source.nextPrefix();
        continue;
      }
      prefix = source.nextPrefix();
      ChoiceSequence consumed = source.toSequence();
      if (seen.add(consumed) && !visitor.test(value, consumed)) {
        return new Report(seen.size(), invalid, prefix == null);
      }
    }
    return new Report(seen.size(), invalid, true);
  }

  /** Every input of {@code generator} in enumeration order, exploring at most {@code maxPaths} paths. */
  public static <T> List<T> values(Gen<T> generator, long maxPaths) {
    List<T> values = new ArrayList<>();
    enumerate(generator, maxPaths, (value, consumed) -> values.add(value));
    return values;
  }
}
