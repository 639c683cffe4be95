package io.detsim.cli;

import static io.detsim.cli.Cli.detsim;
import static org.assertj.core.api.Assertions.assertThat;

import io.detsim.cli.fixture.AlwaysFailsScenarios;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

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
    assertThat(result.outLines().get(2)).matches("scenario clock_skew seeds/s=\\d+\\.\\d speedup=\\d+\\.\\d failed=0"
        + " handlers=(\\w+:\\d+\\.\\d%,)*server:\\d+\\.\\d%(,\\w+:\\d+\\.\\d%)* outside=\\d+\\.\\d%"
        + " overhead=\\d+\\.\\d\\d ms/sim-s=0-10s:\\d+\\.\\d overhead-ms/sim-s=0-10s:-?\\d+\\.\\d");
  }

  @Test
  void aFailingRun_isNamedOnStderr_andTheBenchExitsOne(@TempDir Path folder) throws IOException {
    Path classPath = AlwaysFailsScenarios.servicesFolder(folder);
    Cli.Result result = detsim("--class-path", classPath.toString(), "bench", "--quick", "--seeds", "1", "--scenario",
        AlwaysFailsScenarios.NAME);
    assertThat(result.exit()).isEqualTo(1);
    assertThat(result.line("scenario " + AlwaysFailsScenarios.NAME)).contains(" failed=1 ");
    assertThat(result.err()).contains("bench: always_fails failed at seed 0x").contains(": BROKEN at 1.0s")
        .contains("./detsim run always_fails --seed 0x");
  }
}
