package io.detsim.sim.fault;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.detsim.sim.fault.Fault.Crash;
import io.detsim.sim.fault.Fault.Restart;
import io.detsim.sim.port.NodeId;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Format v2's aimed entries: {@code POINT@K+OFFSET}, read, printed and rejected precisely. */
class AimedScheduleTextTest {
  private static final NodeId SERVER = NodeId.of("server");
  private static final long MS = 1_000_000L;

  private static final String AIMED = String.join("\n",
      "# detsim fault schedule v2",
      "1.25s crash server",
      "compaction-start@2+0s crash server",
      "compaction-start@2+300ms restart server",
      "");

  @Test
  void aimedEntries_roundTripThroughTheCanonicalText() {
    FaultSchedule schedule = FaultSchedule.parse(AIMED);
    assertThat(schedule.entries()).containsExactly(
        new ScheduledFault(1250 * MS, new Crash(SERVER)),
        ScheduledFault.aimed(new Anchor("compaction-start", 2), 0, new Crash(SERVER)),
        ScheduledFault.aimed(new Anchor("compaction-start", 2), 300 * MS, new Restart(SERVER)));
    assertThat(schedule.toText()).isEqualTo(AIMED);
    assertThat(FaultSchedule.parse(schedule.toText())).isEqualTo(schedule);
  }

  @Test
  void aScheduleWithoutAimedEntries_stillPrintsAsV1_soOldFilesAndDigestsStayAsTheyWere() {
    FaultSchedule absolute = FaultSchedule.builder().at(MS, new Crash(SERVER)).build();
    assertThat(absolute.toText()).isEqualTo("# detsim fault schedule v1\n1ms crash server\n");
  }

  @Test
  void aimedEntries_sortAfterAbsoluteOnes_andDoNotMoveTheLastFaultTime() {
    FaultSchedule schedule = FaultSchedule.of(List.of(
        ScheduledFault.aimed(new Anchor("snapshot-installed", 1), 5 * MS, new Crash(SERVER)),
        new ScheduledFault(2000 * MS, new Restart(SERVER))));
    assertThat(schedule.entries().get(0).isAimed()).isFalse();
    assertThat(schedule.lastFaultAtNanos()).isEqualTo(2000 * MS);
    assertThat(schedule.nodes()).containsExactly(SERVER);
  }

  @Test
  void anAimedEntryUnderAV1Header_isAnError_thatNamesV2() {
    assertError("# detsim fault schedule v1\ncompaction-start@1+0ms crash server\n", 2, 1,
        "expected a time like 1.25s (aimed entries like 'compaction-start@1+0ms' need '# detsim fault schedule v2')");
  }

  @Test
  void badPointNames_counts_andOffsets_areReportedAtTheirColumn() {
    assertError("# detsim fault schedule v2\nCompaction@1+0ms crash server\n", 2, 1,
        "expected a point name like compaction-start before '@', found 'Compaction'");
    assertError("# detsim fault schedule v2\ncompaction-start@0+0ms crash server\n", 2, 18,
        "expected an occurrence from 1 to 2147483647 after 'compaction-start@', found '0'");
    assertError("# detsim fault schedule v2\n  compaction-start@x+0ms crash server\n", 2, 20,
        "expected an occurrence from 1 to 2147483647 after 'compaction-start@', found 'x'");
    assertError("# detsim fault schedule v2\ncompaction-start@99999999999+0ms crash server\n", 2, 18,
        "expected an occurrence from 1 to 2147483647 after 'compaction-start@', found '99999999999'");
    assertError("# detsim fault schedule v2\ncompaction-start@1 crash server\n", 2, 19,
        "expected an offset like +0ms after 'compaction-start@1', found end of word");
    assertThat(catchThrowableOfType(
        () -> FaultSchedule.parse("# detsim fault schedule v2\ncompaction-start@1+5 crash server\n"),
        ScheduleParseException.class).column()).isEqualTo(20);
  }

  @Test
  void anUnknownVersion_isStillRejected() {
    assertError("# detsim fault schedule v3\n", 1, 25,
        "expected format version v1 or v2 after '# detsim fault schedule', found 'v3'");
  }

  private static void assertError(String text, int line, int column, String reason) {
    ScheduleParseException error = catchThrowableOfType(() -> FaultSchedule.parse(text), ScheduleParseException.class);
    assertThat(error).as("parsing %s", text).isNotNull();
    assertThat(error.reason()).isEqualTo(reason);
    assertThat(error.line()).isEqualTo(line);
    assertThat(error.column()).isEqualTo(column);
  }
}
