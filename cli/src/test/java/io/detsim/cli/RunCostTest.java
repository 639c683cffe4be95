package io.detsim.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.detsim.sim.port.NodeId;
import io.detsim.sim.trace.TraceEvent;
import org.junit.jupiter.api.Test;

/**
 * {@link RunCost}: which kind a node counts as, which windows a run's simulated time fills, and what
 * each window costs.
 */
class RunCostTest {
  @Test
  void aNodeCountsAsItsTopLevelNameWithoutItsInstanceNumber() {
    assertThat(RunCost.kindOf(NodeId.of("server"))).isEqualTo("server");
    assertThat(RunCost.kindOf(NodeId.of("server").child("worker-3"))).isEqualTo("server");
    assertThat(RunCost.kindOf(NodeId.of("client-12"))).isEqualTo("client");
    assertThat(RunCost.kindOf(NodeId.of("burst-2"))).isEqualTo("burst");
  }

  @Test
  void theOverheadOfAWindowIsItsWallTimeLessTheSystemsHandlers_chargedToTheWindowTheyRanIn() {
    long[] now = {0};
    RunCost cost = new RunCost(() -> now[0]);
    cost.startRun();
    now[0] += 20_000_000; // 20 ms of kernel, network and checks before the first handler
    cost.accept(new TraceEvent(1_000_000_000L, "server", "timer", null, null));
    long token = cost.begin(NodeId.of("server").child("worker-0"));
    now[0] += 300_000_000; // 300 ms of the system's own work
    cost.end(NodeId.of("server").child("worker-0"), token);
    token = cost.begin(NodeId.of("client-0"));
    now[0] += 30_000_000; // a client's handler is overhead above the server's work
    cost.end(NodeId.of("client-0"), token);
    cost.accept(new TraceEvent(20_000_000_000L, "server", "timer", null, null)); // the first window ends
    token = cost.begin(NodeId.of("server"));
    now[0] += 500_000_000;
    cost.end(NodeId.of("server"), token);
    now[0] += 100_000_000;
    cost.endRun(60_000_000_000L);

    // 0-10 s: 350 ms, of which 300 the server's: 35.0 and 5.0 a simulated second;
    // 10-60 s: 600 ms, of which 500 the server's: 12.0 and 2.0.
    assertThat(cost.describe("server")).isEqualTo("handlers=client:3.2%,server:84.2% outside=12.6% overhead=0.19"
        + " ms/sim-s=0-10s:35.0,10-60s:12.0 overhead-ms/sim-s=0-10s:5.0,10-60s:2.0");
  }

  @Test
  void aLongRunFillsEveryWindow_aShortOneOnlyTheFirst_andOnlyMeasuredKindsAreListed() {
    RunCost cost = new RunCost();
    cost.startRun();
    for (long second : new long[] {1, 9, 10, 59, 61, 650}) {
      cost.accept(new TraceEvent(second * 1_000_000_000L, "server", "timer", null, null));
    }
    cost.end(NodeId.of("server").child("worker-0"), cost.begin(NodeId.of("server")));
    cost.endRun(700_000_000_000L);

    assertThat(cost.describe("server"))
        .matches("handlers=server:\\d+\\.\\d% outside=\\d+\\.\\d% overhead=\\d+\\.\\d\\d"
            + " ms/sim-s=0-10s:\\d+\\.\\d,10-60s:\\d+\\.\\d,60-600s:\\d+\\.\\d,600s-end:\\d+\\.\\d"
            + " overhead-ms/sim-s=0-10s:-?\\d+\\.\\d,10-60s:-?\\d+\\.\\d,60-600s:-?\\d+\\.\\d,600s-end:-?\\d+\\.\\d");

    RunCost shortRun = new RunCost();
    shortRun.startRun();
    shortRun.accept(new TraceEvent(2_000_000_000L, "client-0", "timer", null, null));
    shortRun.end(NodeId.of("client-0"), shortRun.begin(NodeId.of("client-0")));
    shortRun.endRun(2_500_000_000L);
    assertThat(shortRun.describe("server")).as("no server node: no overhead figures")
        .matches("handlers=client:\\d+\\.\\d% outside=\\d+\\.\\d% ms/sim-s=0-10s:\\d+\\.\\d");
  }
}
