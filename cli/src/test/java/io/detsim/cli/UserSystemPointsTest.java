package io.detsim.cli;

import static io.detsim.cli.Cli.detsim;
import static org.assertj.core.api.Assertions.assertThat;

import io.detsim.cli.fixture.FlushingScenarios;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A user's own system announces transition points and aims crashes at them: its campaign reports
 * them as the engine's are reported, with nothing written for it but {@code ctx.point},
 * {@code aimedAt} and {@code points}.
 */
class UserSystemPointsTest {
  @Test
  void aUserSystemsCampaign_listsThePointsItsNodesAnnounced_theCrashesThatStruckThem_andThoseNeverReached(
      @TempDir Path folder) throws IOException {
    Path classPath = FlushingScenarios.servicesFolder(folder.resolve("classes"));
    Cli.Result result = detsim("--class-path", classPath.toString(), "fuzz", FlushingScenarios.NAME, "--seeds", "40",
        "--jobs", "1", "--corpus", folder.resolve("corpus").toString());

    assertThat(result.exit()).as(result.err()).isZero();
    assertThat(result.outLines()).contains("points reached in 40 runs:",
        "points never reached (the fuzzer is blind there): compact");
    assertThat(result.outLines()).anySatisfy(line -> assertThat(line).matches("  flush +40 runs  under CRASH \\d+"));
    assertThat(result.outLines()).contains("  compact                never reached");
  }
}
