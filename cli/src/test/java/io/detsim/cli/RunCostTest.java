package io.detsim.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.detsim.sim.port.NodeId;
import io.detsim.sim.trace.TraceEvent;
import org.junit.jupiter.api.Test;

/** {@link RunCost}: which kind a node counts as, and which windows a run's simulated time fills. */
class RunCostTest {
  @Test
  void aNodeCountsAsItsTopLevelNameWithoutItsInstanceNumber() {
    assertThat(RunCost.kindOf(NodeId.of("server"))).isEqualTo("server");
    assertThat(RunCost.kindOf(NodeId.of("server").child("worker-3"))).isEqualTo("server");
    assertThat(RunCost.kindOf(NodeId.of("client-12"))).isEqualTo("client");
    assertThat(RunCost.kindOf(NodeId.of("burst-2"))).isEqualTo("burst");
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
            + " ms/sim-s=0-10s:\\d+\\.\\d,10-60s:\\d+\\.\\d,60-600s:\\d+\\.\\d,600s-end:\\d+\\.\\d");

    RunCost shortRun = new RunCost();
    shortRun.startRun();
    shortRun.accept(new TraceEvent(2_000_000_000L, "client-0", "timer", null, null));
    shortRun.end(NodeId.of("client-0"), shortRun.begin(NodeId.of("client-0")));
    shortRun.endRun(2_500_000_000L);
    assertThat(shortRun.describe("server")).as("no server node: no overhead figure")
        .matches("handlers=client:\\d+\\.\\d% outside=\\d+\\.\\d% ms/sim-s=0-10s:\\d+\\.\\d");
  }
}
