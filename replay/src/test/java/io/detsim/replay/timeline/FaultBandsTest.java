package io.detsim.replay.timeline;

import static org.assertj.core.api.Assertions.assertThat;

import io.detsim.sim.fault.FaultSchedule;
import io.detsim.sim.fault.ScheduledFault;
import io.detsim.sim.trace.TraceEvent;
import java.util.List;
import org.junit.jupiter.api.Test;

class FaultBandsTest {
  private static final long MS = 1_000_000L;

  private static List<FaultBand> bands(String schedule, long endNanos) {
    return FaultBands.of(FaultSchedule.parse(schedule).entries(), endNanos);
  }

  @Test
  void faultAndItsInverse_makeOneInterval() {
    assertThat(bands("100ms crash server\n300ms restart server\n400ms partition a,b | server\n600ms heal", 1000 * MS))
        .containsExactly(
            new FaultBand(100 * MS, 300 * MS, "crash", "crash server", List.of("server")),
            new FaultBand(400 * MS, 600 * MS, "partition", "partition a,b | server", List.of("a", "b", "server")));
  }

  @Test
  void healAll_endsEveryOpenInterval_andIsItselfAnInstant() {
    assertThat(bands("100ms crash server\n150ms loss 1/10\n200ms clock-offset client-1 -5s\n500ms heal-all", 900 * MS))
        .containsExactly(
            new FaultBand(100 * MS, 500 * MS, "crash", "crash server", List.of("server")),
            new FaultBand(150 * MS, 500 * MS, "loss", "loss 1/10", List.of()),
            new FaultBand(200 * MS, 500 * MS, "clock_skew", "clock-offset client-1 -5s", List.of("client-1")),
            new FaultBand(500 * MS, 500 * MS, "heal", "heal-all", List.of()));
  }

  @Test
  void timedFaults_endOnTheirOwn_orEarlierByTheirInverse() {
    assertThat(bands("100ms clog a -> b for 50ms\n200ms clog b -> a for 1s\n300ms unclog b -> a\n"
        + "400ms pause server for 20ms", 900 * MS))
        .containsExactly(
            new FaultBand(100 * MS, 150 * MS, "clog", "clog a -> b for 50ms", List.of("a", "b")),
            new FaultBand(200 * MS, 300 * MS, "clog", "clog b -> a for 1s", List.of("b", "a")),
            new FaultBand(400 * MS, 420 * MS, "pause", "pause server for 20ms", List.of("server")));
  }

  @Test
  void knobs_aNewValueEndsTheOldInterval_zeroOnlyEndsIt_andOpenOnesRunToTheEnd() {
    assertThat(bands("100ms delay 0s..10ms\n200ms delay 0s..50ms\n300ms delay 0s..0s\n400ms duplicate 1/5\n"
        + "450ms kill server/worker-0\n500ms crash client-1", 700 * MS))
        .containsExactly(
            new FaultBand(100 * MS, 200 * MS, "delay", "delay 0s..10ms", List.of()),
            new FaultBand(200 * MS, 300 * MS, "delay", "delay 0s..50ms", List.of()),
            new FaultBand(400 * MS, 700 * MS, "duplicate", "duplicate 1/5", List.of()),
            new FaultBand(450 * MS, 450 * MS, "kill", "kill server/worker-0", List.of("server/worker-0")),
            new FaultBand(500 * MS, 700 * MS, "crash", "crash client-1", List.of("client-1")));
  }

  @Test
  void tracedFaults_areReadFromTheSimulatorsFaultEvents_skippingWhatDoesNotParse() {
    List<TraceEvent> trace = List.of(
        new TraceEvent(5 * MS, "server", "send", "client-1", "crash server"),
        new TraceEvent(10 * MS, "sim", "fault", null, "crash server"),
        new TraceEvent(20 * MS, "sim", "fault", null, "teleport server"),
        new TraceEvent(30 * MS, "sim", "fault", null, "heal-all"));

    List<ScheduledFault> faults = FaultBands.tracedFaults(trace);

    assertThat(faults).extracting(ScheduledFault::atNanos).containsExactly(10 * MS, 30 * MS);
    assertThat(FaultBands.of(faults, 50 * MS)).first()
        .isEqualTo(new FaultBand(10 * MS, 30 * MS, "crash", "crash server", List.of("server")));
  }
}
