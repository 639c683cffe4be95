package io.detsim.engine.real;

import static org.assertj.core.api.Assertions.assertThat;

import io.detsim.engine.protocol.RecallHit;
import io.detsim.engine.server.EngineServer;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Guarantee 1 against a real crash: an engine in a child JVM streams observations and reports each
 * ACCEPTED on stdout; the parent SIGKILLs it mid-stream (no shutdown hook, no flush: the process
 * just ends) and restarts the engine on the same folder. Every observation the child reported
 * ACCEPTED before it died must be held, indexed and found by recall. Three rounds on one folder,
 * each killed at a different point, so later rounds also recover the logs of earlier crashes.
 *
 * <p>What it cannot show: a power failure. A SIGKILL loses only what the process held in memory;
 * the OS keeps unsynced page-cache writes. So it checks that ACCEPTED waits for the log write and
 * that recovery reads what is there, not that fsync reaches the platter.
 */
class ProcessCrashTest {
  static final String SPACE = "crash_space";
  private static final int[] KILL_AFTER_ACKS = {150, 700, 1_500};
  private static final int PER_ROUND = 20_000;

  @TempDir
  Path folder;

  @Test
  void sigkillMidStream_everyAcceptedObservationSurvivesTheRestart() throws Exception {
    Set<String> acknowledged = new LinkedHashSet<>();
    for (int round = 0; round < KILL_AFTER_ACKS.length; round++) {
      List<String> acks = runChildAndKill(round * 1_000_000L, KILL_AFTER_ACKS[round]);
      assertThat(acks.size()).as("round %d: the child acknowledged before the kill", round)
          .isGreaterThanOrEqualTo(KILL_AFTER_ACKS[round]);
      acknowledged.addAll(acks);

      try (EmbeddedEngine engine = EmbeddedEngine.start(EmbeddedConfig.of(folder, TestEmbeddings.DIMENSION)
          .withWorkers(2))) {
        long recovered = engine.inspect(EngineServer::recoveredObservations);
        Set<String> held = new LinkedHashSet<>();
        engine.held(SPACE).forEach(h -> held.add(h.memoryId()));
        assertThat(held).as("round %d: every ACCEPTED observation is held after the crash", round)
            .containsAll(acknowledged);
        assertThat(recovered).as("round %d: recovered from the log", round).isGreaterThanOrEqualTo(acknowledged.size());
        engine.awaitIndexed();
        for (String id : sample(acks)) {
          long number = Long.parseLong(id.substring("obs-".length()));
          List<RecallHit> hits = engine.recall(SPACE, TestEmbeddings.of(number), 5).get().hits();
          assertThat(hits).extracting(RecallHit::memoryId).as("round %d: %s found by recall", round, id).contains(id);
        }
      }
    }
  }

  /** Runs the child until it has acknowledged {@code killAfter} observations, then SIGKILLs it. */
  private List<String> runChildAndKill(long first, int killAfter) throws Exception {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    ProcessBuilder builder = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
        CrashChild.class.getName(), folder.toString(), Long.toString(first), Integer.toString(PER_ROUND));
    builder.redirectError(folder.resolve("child-" + first + ".err").toFile());
    Process child = builder.start();
    List<String> acks = new ArrayList<>();
    try (BufferedReader lines = new BufferedReader(
        new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
      String line;
      while ((line = lines.readLine()) != null) {
        if (line.startsWith("ACK ")) {
          acks.add("obs-" + line.substring(4));
          if (acks.size() >= killAfter) {
            child.destroyForcibly(); // SIGKILL on POSIX
            break;
          }
        }
        assertThat(line).as("the child must not finish before the kill").isNotEqualTo("DONE");
      }
      // Acks printed between the last line read and the kill are not checked: the kill closed the pipe.
    } finally {
      child.destroyForcibly();
      child.waitFor();
    }
    return acks;
  }

  private static List<String> sample(List<String> acks) {
    List<String> sample = new ArrayList<>();
    for (int i = 0; i < acks.size(); i += Math.max(1, acks.size() / 10)) {
      sample.add(acks.get(i));
    }
    sample.add(acks.get(acks.size() - 1)); // the last one acknowledged before the kill
    return sample;
  }
}
