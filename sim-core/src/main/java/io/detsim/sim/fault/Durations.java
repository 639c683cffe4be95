package io.detsim.sim.fault;

import java.math.BigDecimal;

/**
 * Exact text for virtual-time durations in nanoseconds: {@code 250ms}, {@code 1.25s}, {@code -5s}.
 *
 * <p>Units are {@code ns}, {@code us}, {@code ms}, {@code s} and {@code m} (minutes). Parsing takes
 * any decimal that is a whole number of nanoseconds ({@code 0.5ms}, {@code 1.000000001s},
 * {@code 1.5m}) and rejects the rest rather than rounding: a schedule read back must strike at the
 * very nanosecond it was written for, or a replay would diverge.
 *
 * <p>Formatting picks the largest unit in which the value is at least one whole unit and exact with
 * at most three decimals ({@code 1_250_000_000 -> 1.25s}, {@code 1_500 -> 1.5us}, {@code 0 -> 0s}).
 * Two choices make the output easier to read than the bare rule would: a value below one unit goes
 * to a smaller unit ({@code 500ms}, not {@code 0.5s}), and minutes are used only for whole minutes
 * ({@code 90s}, not {@code 1.5m}), because a decimal of a minute is not a decimal of seconds. Every
 * {@code long}, {@link Long#MIN_VALUE} included, formats and parses back to itself.
 */
public final class Durations {
  private static final String[] UNIT_NAMES = {"m", "s", "ms", "us", "ns"};
  private static final long[] UNIT_NANOS = {60_000_000_000L, 1_000_000_000L, 1_000_000L, 1_000L, 1L};
  /** The finest step each unit may show: minutes show no decimals, the others up to three. */
  private static final long[] UNIT_STEP_NANOS = {60_000_000_000L, 1_000_000L, 1_000L, 1L, 1L};

  private static final BigDecimal LONG_MIN = BigDecimal.valueOf(Long.MIN_VALUE);
  private static final BigDecimal LONG_MAX = BigDecimal.valueOf(Long.MAX_VALUE);

  private Durations() {}

  /** The canonical exact text for {@code nanos}: {@code 1.25s}, {@code 300ms}, {@code -5s}, {@code 0s}. */
  public static String format(long nanos) {
    if (nanos == 0) {
      return "0s";
    }
    for (int unit = 0; unit < UNIT_NAMES.length; unit++) {
      long unitNanos = UNIT_NANOS[unit];
      boolean atLeastOneUnit = nanos >= unitNanos || nanos <= -unitNanos;
      if (atLeastOneUnit && nanos % UNIT_STEP_NANOS[unit] == 0) {
        return render(nanos, unit);
      }
    }
    throw new AssertionError("nanoseconds always fit: " + nanos);
  }

  /** Like {@link #format}, with an explicit {@code +} on positive values, for offsets and jumps. */
  public static String formatSigned(long nanos) {
    return nanos > 0 ? "+" + format(nanos) : format(nanos);
  }

  /**
   * Parses a duration without a sign, such as {@code 250ms} or {@code 1.25s}.
   *
   * @throws IllegalArgumentException with a one-line message saying what was expected and found
   */
  public static long parse(String text) {
    return parse(text, /* signed= */ false);
  }

  /** Parses a duration that may carry a sign, such as {@code -5s} or {@code +2s}; no sign means positive. */
  public static long parseSigned(String text) {
    return parse(text, /* signed= */ true);
  }

  private static String render(long nanos, int unit) {
    long unitNanos = UNIT_NANOS[unit];
    long whole = nanos / unitNanos; // never 0 here, so it carries the sign
    long remainder = Math.abs(nanos % unitNanos);
    if (remainder == 0) {
      return whole + UNIT_NAMES[unit];
    }
    long thousandths = remainder / UNIT_STEP_NANOS[unit];
    // Not String.format: its digits follow the default locale, and this text must be the same everywhere.
    String decimals = ("00" + thousandths).substring(Long.toString(thousandths).length() - 1);
    int end = decimals.length();
    while (decimals.charAt(end - 1) == '0') {
      end--;
    }
    return whole + "." + decimals.substring(0, end) + UNIT_NAMES[unit];
  }

  private static long parse(String text, boolean signed) {
    int index = 0;
    boolean negative = false;
    if (!text.isEmpty() && (text.charAt(0) == '+' || text.charAt(0) == '-')) {
      if (!signed) {
        throw new IllegalArgumentException("expected a duration without a sign like 250ms, found '" + text + "'");
      }
      negative = text.charAt(0) == '-';
      index = 1;
    }
    int numberStart = index;
    index = skipDigits(text, index);
    if (index == numberStart) {
      throw new IllegalArgumentException("expected a duration like 250ms, found '" + text + "'");
    }
    if (index < text.length() && text.charAt(index) == '.') {
      int decimalsStart = index + 1;
      index = skipDigits(text, decimalsStart);
      if (index == decimalsStart) {
        throw new IllegalArgumentException("expected digits after the decimal point in '" + text + "'");
      }
    }
    String unitName = text.substring(index);
    int unit = unitIndex(unitName);
    if (unit < 0) {
      throw new IllegalArgumentException(
          "expected a unit (ns, us, ms, s or m) after the number in '" + text + "', found "
              + (unitName.isEmpty() ? "none" : "'" + unitName + "'"));
    }
    BigDecimal number = new BigDecimal(text.substring(numberStart, index));
    BigDecimal nanos = number.multiply(BigDecimal.valueOf(UNIT_NANOS[unit]));
    return toLongNanos(negative ? nanos.negate() : nanos, text);
  }

  private static long toLongNanos(BigDecimal nanos, String text) {
    if (nanos.signum() != 0 && nanos.stripTrailingZeros().scale() > 0) {
      throw new IllegalArgumentException(
          "expected a whole number of nanoseconds, found '" + text + "' (use a smaller unit or fewer decimals)");
    }
    if (nanos.compareTo(LONG_MIN) < 0 || nanos.compareTo(LONG_MAX) > 0) {
      throw new IllegalArgumentException(
          "expected a duration within a long of nanoseconds (about 292 years), found '" + text + "'");
    }
    return nanos.longValueExact();
  }

  private static int skipDigits(String text, int from) {
    int index = from;
    while (index < text.length() && text.charAt(index) >= '0' && text.charAt(index) <= '9') {
      index++;
    }
    return index;
  }

  private static int unitIndex(String name) {
    for (int unit = 0; unit < UNIT_NAMES.length; unit++) {
      if (UNIT_NAMES[unit].equals(name)) {
        return unit;
      }
    }
    return -1;
  }
}
