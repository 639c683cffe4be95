package io.detsim.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.detsim.replay.campaign.Campaign;
import io.detsim.replay.campaign.Checkpoint;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An evicted pod gets SIGTERM: the campaign in that JVM stops, saves its checkpoint, and the next
 * start resumes it. A real process, a real signal ({@link Process#destroy()} sends SIGTERM).
 */
class SigtermCheckpointTest {
  @TempDir
  Path folder;

  @Test
  void sigterm_savesACheckpointThatResumes() throws Exception {
    Path corpus = folder.resolve("evicted");
    Path output = folder.resolve("child.txt");
    Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", System.getProperty("java.class.path"), Detsim.class.getName(),
        "fuzz", "small_schedules", "--time", "1h", "--jobs", "1", "--corpus", corpus.toString())
        .redirectErrorStream(true).redirectOutput(output.toFile())
        .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null"))).start();
    try {
      while (!Files.exists(corpus.resolve(Checkpoint.FILE))) { // the campaign has saved once: it is running
        Thread.sleep(20);
      }
      child.destroy(); // SIGTERM
      child.waitFor();
      String printed = Files.readString(output, StandardCharsets.UTF_8);
      assertThat(printed).startsWith("fuzz: small_schedules");
      Checkpoint saved = Checkpoint.parse(Files.readString(corpus.resolve(Checkpoint.FILE), StandardCharsets.UTF_8));
      assertThat(saved.stoppedBy()).as(printed).isEqualTo(Campaign.STOPPED);
    } finally {
      child.destroyForcibly();
    }
    Cli.Result resumed = Cli.detsim("fuzz", "--resume", "--seeds", "3", "--corpus", corpus.toString());
    assertThat(resumed.exit()).as(resumed.out()).isZero();
  }
}
