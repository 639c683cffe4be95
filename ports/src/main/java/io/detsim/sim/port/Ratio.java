package io.detsim.sim.port;

/**
 * An exact probability, {@code numerator / denominator}, for fault knobs.
 *
 * <p>Exact ratios instead of doubles (TigerBeetle's choice): a knob reads as written ("1/100"), and
 * the decision {@code draw(denominator) < numerator} is an integer comparison with no rounding that
 * could differ between machines.
 */
public record Ratio(long numerator, long denominator) implements Comparable<Ratio> {
  public static final Ratio NEVER = new Ratio(0, 1);
  public static final Ratio ALWAYS = new Ratio(1, 1);

  public Ratio {
    if (denominator <= 0 || numerator < 0 || numerator > denominator) {
      throw new IllegalArgumentException(
          "a ratio needs 0 <= numerator <= denominator and denominator > 0: " + numerator + "/" + denominator);
    }
  }

  public static Ratio of(long numerator, long denominator) {
    return new Ratio(numerator, denominator);
  }

  /** Parses {@code "1/100"}, {@code "0"} or {@code "1"}. */
  public static Ratio parse(String text) {
    String trimmed = text.trim();
    int slash = trimmed.indexOf('/');
    try {
      if (slash < 0) {
        return new Ratio(Long.parseLong(trimmed), 1);
      }
      return new Ratio(
          Long.parseLong(trimmed.substring(0, slash).trim()), Long.parseLong(trimmed.substring(slash + 1).trim()));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("not a ratio (expected like 1/100): '" + text + "'", e);
    }
  }

  public boolean isNever() {
    return numerator == 0;
  }

  @Override
  public int compareTo(Ratio other) {
    return Long.compare(
        Math.multiplyExact(numerator, other.denominator), Math.multiplyExact(other.numerator, denominator));
  }

  @Override
  public String toString() {
    return numerator + "/" + denominator;
  }
}
