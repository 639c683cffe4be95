package io.detsim.replay.file;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import io.detsim.sim.trace.TraceFile;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;

/** A failed scenario property under @SimProperty leaves a failure file that replays exactly. */
class ScenarioFailureFileWriterTest {

  @Test
  void failedScenarioProperty_writesAFailureFileTraceAndTimeline_thatReplayAsReproduced(@TempDir Path failures) throws IOException {
    EngineExecutionResults results = EngineTestKit.engine("detsim")
        .selectors(selectClass(MutantPropertyFixture.class))
        .configurationParameters(Map.of("detsim.database", "none", "detsim.failures", failures.toString()))
        .enableImplicitConfigurationParameters(false)
        .execute();
    results.testEvents().assertStatistics(stats -> stats.started(1).failed(1));
    String report = results.testEvents().failed().stream()
        .map(event -> event.getPayload(TestExecutionResult.class).orElseThrow().getThrowable().orElseThrow().getMessage())
        .findFirst().orElseThrow();

    List<Path> written;
    try (Stream<Path> files = Files.list(failures)) {
      written = files.filter(path -> path.toString().endsWith(".detsim")).toList();
    }
    assertThat(written).singleElement().satisfies(file -> {
      assertThat(file.getFileName().toString()).matches("swarm-sequence-violation-[0-9a-f]{16}\\.detsim");
      String base = file.getFileName().toString().replace(".detsim", "");
      Path trace = failures.resolve(base + ".jsonl");
      Path timeline = failures.resolve(base + ".html");
      Path classPath = failures.resolve(base + ".classpath");
      assertThat(report).contains("file:").contains(file.toString()).contains("trace:").contains(trace.toString())
          .contains("timeline:").contains(timeline.toString())
          .contains("detsim --class-path @" + classPath + " replay " + file);
      assertThat(TraceFile.read(trace)).isNotEmpty();
      assertThat(Files.readString(timeline)).contains("</html>").contains("SEQUENCE_VIOLATION");
      assertThat(Files.readString(classPath)).contains("test-classes");
      FailureFile recorded = FailureFiles.read(file);
      assertThat(recorded.plantedBugs()).containsExactly("steal-single-items");
      ReplayOutcome outcome = Replayer.replay(recorded, null);
      assertThat(outcome.word()).isEqualTo(ReplayOutcome.Word.REPRODUCED);
    });
  }
}
