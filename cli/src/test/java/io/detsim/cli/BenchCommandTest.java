package io.detsim.cli;

import static io.detsim.cli.Cli.detsim;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** {@code detsim bench}: the kernel lines and a scenario line, in the contract's words. */
class BenchCommandTest {
  @Test
  void quickBench_printsKernelAndScenarioFigures() {
    Cli.Result result = detsim("bench", "--quick", "--seeds", "1", "--scenario", "clock_skew");
    assertThat(result.exit()).isZero();
    assertThat(result.outLines()).hasSize(3);
    assertThat(result.outLines().get(0)).matches("kernel pending=1000 events/s=\\d+ baseline=\\d+ ratio=\\d+\\.\\d\\d");
    assertThat(result.outLines().get(1))
        .matches("kernel pending=100000 events/s=\\d+ baseline=\\d+ ratio=\\d+\\.\\d\\d");
    assertThat(result.outLines().get(2)).matches("scenario clock_skew seeds/s=\\d+\\.\\d speedup=\\d+\\.\\d"
        + " handlers=(\\w+:\\d+\\.\\d%,)*server:\\d+\\.\\d%(,\\w+:\\d+\\.\\d%)* outside=\\d+\\.\\d%"
        + " overhead=\\d+\\.\\d\\d ms/sim-s=0-10s:\\d+\\.\\d");
  }
}
