package io.detsim.sim.fault;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import org.junit.jupiter.api.Test;

/** Every kind of malformed schedule text, with the exact line, column and message it reports. */
class ScheduleParseExceptionTest {
  private static final String FAULT_LIST = "crash, restart, pause, kill, partition, heal, clog, unclog, delay, loss, "
      + "duplicate, reorder, clock-offset, clock-jump, clock-drift, corrupt-disk, burst, heal-all";

  private static ScheduleParseException parseError(String text) {
    ScheduleParseException error = catchThrowableOfType(ScheduleParseException.class, () -> FaultSchedule.parse(text));
    assertThat(error).as("parsing %s", text).isNotNull();
    return error;
  }

  private static void assertError(String text, int line, int column, String reason) {
    ScheduleParseException error = parseError(text);
    assertThat(error.getMessage()).isEqualTo("line " + line + ", column " + column + ": " + reason);
    assertThat(error.line()).isEqualTo(line);
    assertThat(error.column()).isEqualTo(column);
    assertThat(error.reason()).isEqualTo(reason);
    assertThat(error.getMessage()).doesNotContain("\n");
  }

  @Test
  void error_isAnIllegalArgumentExceptionThatShowsTheLineAsWritten() {
    String text = "# detsim fault schedule v1\n\n1s pause server for abc   # why not\n";

    ScheduleParseException error = parseError(text);

    assertThat(error).isInstanceOf(IllegalArgumentException.class);
    assertThat(error.getMessage()).isEqualTo("line 3, column 21: expected a duration like 250ms, found 'abc'");
    assertThat(error.detail()).isEqualTo("1s pause server for abc   # why not");
  }

  @Test
  void lineNumbers_countCommentsAndBlankLines() {
    assertError("# a comment\n\n   \n0s heal\n1s explode", 5, 4,
        "expected a fault, one of " + FAULT_LIST + ", found 'explode'");
  }

  @Test
  void unknownFaultWord_listsTheValidOnes() {
    assertError("1s explode server", 1, 4, "expected a fault, one of " + FAULT_LIST + ", found 'explode'");
    assertError("1s Crash server", 1, 4, "expected a fault, one of " + FAULT_LIST + ", found 'Crash'");
  }

  @Test
  void badDuration_saysWhatADurationLooksLike() {
    assertError("1s pause server for abc", 1, 21, "expected a duration like 250ms, found 'abc'");
    assertError("1s clog a -> b for 1.s", 1, 20, "expected digits after the decimal point in '1.s'");
    assertError("1s pause server for +3s", 1, 21, "expected a duration without a sign like 250ms, found '+3s'");
    assertError("1s clock-jump server soon", 1, 22, "expected a duration like 250ms, found 'soon'");
    assertError("1s pause server for 0.5ns", 1, 21,
        "expected a whole number of nanoseconds, found '0.5ns' (use a smaller unit or fewer decimals)");
  }

  @Test
  void badUnit_namesTheUnits() {
    assertError("1s pause server for 5h", 1, 21,
        "expected a unit (ns, us, ms, s or m) after the number in '5h', found 'h'");
    assertError("1h crash server", 1, 1, "expected a unit (ns, us, ms, s or m) after the number in '1h', found 'h'");
    assertError("1 crash server", 1, 1, "expected a unit (ns, us, ms, s or m) after the number in '1', found none");
  }

  @Test
  void nonPositiveDuration_isRejectedWhereAFaultNeedsTime() {
    assertError("1s pause server for 0s", 1, 21, "expected a pause duration like 300ms above 0s, found '0s'");
    assertError("1s clog a -> b for 0ms", 1, 20, "expected a clog duration like 200ms above 0s, found '0ms'");
  }

  @Test
  void badDelayRange_pointsAtTheBadHalf() {
    assertError("0s delay 5ms", 1, 10, "expected a delay range like 0ms..100ms, found '5ms'");
    assertError("0s delay 0ms .. 5ms", 1, 10, "expected a delay range like 0ms..100ms, found '0ms'");
    assertError("0s delay 1ms..abc", 1, 15, "expected a duration like 250ms, found 'abc'");
    assertError("0s delay ..1ms", 1, 10, "expected a duration like 250ms, found ''");
    assertError("0s delay 5ms..1ms", 1, 10, "expected a delay range like 0ms..100ms with min <= max, found '5ms..1ms'");
  }

  @Test
  void badRatio_saysWhatARatioLooksLike() {
    assertError("0s loss 1%", 1, 9, "expected a ratio like 1/100, found '1%'");
    assertError("0s loss 0.01", 1, 9, "expected a ratio like 1/100, found '0.01'");
    assertError("0s duplicate -1/2", 1, 14, "expected a ratio like 1/100, found '-1/2'");
    assertError("0s reorder 2/1", 1, 12, "expected a ratio from 0 to 1 like 1/100, found '2/1'");
    assertError("0s loss 1/0", 1, 9, "expected a ratio from 0 to 1 like 1/100, found '1/0'");
    assertError("0s loss 1/99999999999999999999", 1, 9,
        "expected a ratio from 0 to 1 like 1/100, found '1/99999999999999999999'");
  }

  @Test
  void badNodeName_reportsNodeIdsRule() {
    String rule = "node name must match [a-z0-9][a-z0-9_.-]*(/[a-z0-9][a-z0-9_.-]*)? "
        + "(lower case, digits, '_', '.', '-'; one '/' for an actor): ";
    assertError("1s crash Server", 1, 10, rule + "Server");
    assertError("1s partition a,b/c/d | e", 1, 16, rule + "b/c/d");
    assertError("1s partition a, | b", 1, 17, "expected a node name, found '|'");
    assertError("1s kill server", 1, 9, "expected an actor like server/worker-1 after 'kill', found the node 'server'");
  }

  @Test
  void partition_needsDisjointNonEmptySides() {
    assertError("1s partition a,b | b", 1, 20,
        "expected each node on one side of the partition only, found 'b' on both");
    assertError("1s partition a b", 1, 16,
        "expected '|' (both ways) or '->' (one way) after the first side, found 'b'");
  }

  @Test
  void missingArguments_sayWhatWasExpectedAtTheEndOfTheLine() {
    assertError("1s", 1, 3, "expected a fault after the time, one of " + FAULT_LIST + ", found end of line");
    assertError("1s crash", 1, 9, "expected a node name after 'crash', found end of line");
    assertError("1s crash    # forgot the node", 1, 9, "expected a node name after 'crash', found end of line");
    assertError("1s pause server", 1, 16, "expected 'for', found end of line");
    assertError("1s pause server 300ms", 1, 17, "expected 'for', found '300ms'");
    assertError("1s pause server for", 1, 20, "expected a pause duration like 300ms, found end of line");
    assertError("1s partition a", 1, 15,
        "expected '|' (both ways) or '->' (one way) after the first side, found end of line");
    assertError("1s partition a |", 1, 17, "expected a node name after '|', found end of line");
    assertError("1s partition a,", 1, 16, "expected a node name after ',', found end of line");
    assertError("1s clog a b for 1s", 1, 11, "expected '->', found 'b'");
    assertError("1s unclog a ->", 1, 15, "expected a node name after '->', found end of line");
    assertError("1s loss", 1, 8, "expected a ratio like 1/100 after 'loss', found end of line");
    assertError("0s delay", 1, 9, "expected a delay range like 0ms..100ms after 'delay', found end of line");
    assertError("1s clock-offset server", 1, 23, "expected an offset like -5s, found end of line");
    assertError("1s clock-drift server", 1, 22, "expected a drift like -100ppm, found end of line");
    assertError("1s burst", 1, 9, "expected a burst size like 10000, found end of line");
  }

  @Test
  void trailingGarbage_isNotIgnored() {
    assertError("1s heal now", 1, 9, "expected end of line, found 'now'");
    assertError("1s crash server extra", 1, 17, "expected end of line, found 'extra'");
    assertError("1s crash server, client", 1, 16, "expected end of line, found ','");
    assertError("1s clog a -> b for 1s 2s", 1, 23, "expected end of line, found '2s'");
  }

  @Test
  void time_mustComeFirstAndNotBeNegative() {
    assertError("-1s crash server", 1, 1,
        "expected a time at or after 0s (no fault strikes before the run), found '-1s'");
    assertError("crash server", 1, 1, "expected a time like 1.25s at the start of the line, found 'crash'");
    assertError("  +1s crash server", 1, 3, "expected a time like 1.25s at the start of the line, found '+1s'");
    assertError("99999999999s crash server", 1, 1,
        "expected a duration within a long of nanoseconds (about 292 years), found '99999999999s'");
  }

  @Test
  void driftAndBurst_mustBeInRange() {
    assertError("1s clock-drift server 5%", 1, 23, "expected a drift like -100ppm, found '5%'");
    assertError("1s clock-drift server 1.5ppm", 1, 23, "expected a drift like -100ppm, found '1.5ppm'");
    assertError("1s clock-drift server +1000001ppm", 1, 23,
        "expected a drift from -1000000ppm to +1000000ppm, found '+1000001ppm'");
    assertError("1s burst 0", 1, 10, "expected a burst size from 1 to 2147483647, found '0'");
    assertError("1s burst 2147483648", 1, 10, "expected a burst size from 1 to 2147483647, found '2147483648'");
    assertError("1s burst many", 1, 10, "expected a burst size like 10000, found 'many'");
  }

  @Test
  void corruptionNearTheEnd_needsAPositiveByteCount() {
    String expected = "expected a byte count like 64B after 'last'";
    assertError("1s corrupt-disk server last", 1, 28, expected + ", found end of line");
    assertError("1s corrupt-disk server last 64", 1, 29, expected + ", found '64'");
    assertError("1s corrupt-disk server last -1B", 1, 29, expected + ", found '-1B'");
    assertError("1s corrupt-disk server last 0B", 1, 29,
        expected + " above 0 (anywhere in the file is written without 'last'), found '0B'");
    assertError("1s corrupt-disk server last 9223372036854775808B", 1, 29,
        expected + " that fits in 63 bits, found '9223372036854775808B'");
  }

  @Test
  void header_withAnotherVersionIsRejected() {
    assertError("# detsim fault schedule v3\n1s heal", 1, 25,
        "expected format version v1 or v2 after '# detsim fault schedule', found 'v3'");
    assertError("# detsim fault schedule\n1s heal", 1, 24,
        "expected format version v1 or v2 after '# detsim fault schedule', found none");
  }
}
