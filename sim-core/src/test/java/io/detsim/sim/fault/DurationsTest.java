package io.detsim.sim.fault;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.detsim.sim.random.Xoshiro256;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class DurationsTest {

  @ParameterizedTest(name = "{0}ns -> {1}")
  @CsvSource({
    "0, 0s",
    "1, 1ns",
    "999, 999ns",
    "1000, 1us",
    "1500, 1.5us",
    "1001, 1.001us",
    "1234567, 1234.567us",
    "500000, 500us",
    "1000000, 1ms",
    "250000000, 250ms",
    "1250000000, 1.25s",
    "1001000000, 1.001s",
    "1000500000, 1000.5ms",
    "59000000000, 59s",
    "60000000000, 1m",
    "90000000000, 90s",
    "120000000000, 2m",
    "-5000000000, -5s",
    "-1500, -1.5us",
    "-1, -1ns",
    "9223372036854775807, 9223372036854775.807us",
    "-9223372036854775808, -9223372036854775.808us",
  })
  void format_picksTheLargestExactUnit(long nanos, String text) {
    assertThat(Durations.format(nanos)).isEqualTo(text);
    assertThat(Durations.parseSigned(text)).isEqualTo(nanos);
  }

  @Test
  void formatSigned_marksPositiveValues() {
    assertThat(Durations.formatSigned(2_000_000_000L)).isEqualTo("+2s");
    assertThat(Durations.formatSigned(-5_000_000_000L)).isEqualTo("-5s");
    assertThat(Durations.formatSigned(0)).isEqualTo("0s");
  }

  @ParameterizedTest(name = "{0} -> {1}ns")
  @CsvSource({
    "0ms, 0",
    "0.5ms, 500000",
    "1.25s, 1250000000",
    "1.5m, 90000000000",
    "1.000000001s, 1000000001",
    "007s, 7000000000",
    "1.50s, 1500000000",
    "9223372036854775807ns, 9223372036854775807",
    "9223372036.854775807s, 9223372036854775807",
  })
  void parse_takesAnyExactDecimal(String text, long nanos) {
    assertThat(Durations.parse(text)).isEqualTo(nanos);
  }

  @Test
  void parseSigned_takesBothSignsAndNone() {
    assertThat(Durations.parseSigned("+2s")).isEqualTo(2_000_000_000L);
    assertThat(Durations.parseSigned("-5s")).isEqualTo(-5_000_000_000L);
    assertThat(Durations.parseSigned("2s")).isEqualTo(2_000_000_000L);
    assertThat(Durations.parseSigned("-0s")).isZero();
    assertThat(Durations.parseSigned("-9223372036854775808ns")).isEqualTo(Long.MIN_VALUE);
  }

  @Test
  void parse_rejectsASignWhereNoneBelongs() {
    assertThatThrownBy(() -> Durations.parse("-5s"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("expected a duration without a sign like 250ms, found '-5s'");
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "abc", "ms", ".5s", "-s", "+", "1e3s", " 1s", "1,5s"})
  void parse_rejectsTextThatIsNoNumber(String text) {
    assertThatThrownBy(() -> Durations.parseSigned(text))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("expected ")
        .hasMessageContaining("'" + text + "'");
  }

  @Test
  void parse_namesTheMissingOrUnknownUnit() {
    assertThatThrownBy(() -> Durations.parse("5"))
        .hasMessage("expected a unit (ns, us, ms, s or m) after the number in '5', found none");
    assertThatThrownBy(() -> Durations.parse("5h"))
        .hasMessage("expected a unit (ns, us, ms, s or m) after the number in '5h', found 'h'");
    assertThatThrownBy(() -> Durations.parse("5 s"))
        .hasMessage("expected a unit (ns, us, ms, s or m) after the number in '5 s', found ' s'");
    assertThatThrownBy(() -> Durations.parse("5MS")).hasMessageContaining("found 'MS'");
  }

  @Test
  void parse_rejectsADecimalPointWithoutDigits() {
    assertThatThrownBy(() -> Durations.parse("1.s")).hasMessage("expected digits after the decimal point in '1.s'");
  }

  @Test
  void parse_rejectsFractionsOfANanosecond() {
    assertThatThrownBy(() -> Durations.parse("0.5ns"))
        .hasMessage("expected a whole number of nanoseconds, found '0.5ns' (use a smaller unit or fewer decimals)");
    assertThatThrownBy(() -> Durations.parse("1.0000000005s")).hasMessageContaining("whole number of nanoseconds");
  }

  @Test
  void parse_rejectsValuesBeyondALong() {
    assertThatThrownBy(() -> Durations.parse("9223372036854775808ns"))
        .hasMessage(
            "expected a duration within a long of nanoseconds (about 292 years), found '9223372036854775808ns'");
    assertThatThrownBy(() -> Durations.parseSigned("-9223372036854775809ns"))
        .hasMessageContaining("within a long");
    assertThatThrownBy(() -> Durations.parse("200000000m")).hasMessageContaining("within a long");
  }

  @Test
  void formatThenParse_isExactForRandomValuesOfEveryScale() {
    Xoshiro256 random = new Xoshiro256(0x5EED_D0_0001L);
    long[] scales = {1, 1_000, 1_000_000, 1_000_000_000, 60_000_000_000L};
    for (int i = 0; i < 20_000; i++) {
      long nanos;
      switch (i % 3) {
        case 0:
          nanos = random.nextLong(); // the whole range, mostly odd nanoseconds
          break;
        case 1:
          nanos = random.nextLong(-1_000_000, 1_000_000) * scales[random.nextInt(scales.length)];
          break;
        default:
          long scale = scales[random.nextInt(scales.length)];
          nanos = random.nextLong(-10_000, 10_000) * Math.max(1, scale / 1_000);
          break;
      }
      String text = Durations.format(nanos);
      assertThat(Durations.parseSigned(text)).as("%d -> %s", nanos, text).isEqualTo(nanos);
      assertThat(Durations.parseSigned(Durations.formatSigned(nanos))).isEqualTo(nanos);
      if (nanos >= 0) {
        assertThat(Durations.parse(text)).isEqualTo(nanos);
      }
    }
  }
}
