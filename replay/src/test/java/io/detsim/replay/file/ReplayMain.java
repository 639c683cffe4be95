package io.detsim.replay.file;

import java.nio.file.Path;

/** Replays one failure file and prints {@code <word> <digest>}: what {@link ReplayerTest} runs in a fresh JVM. */
public final class ReplayMain {
  private ReplayMain() {}

  public static void main(String[] args) {
    ReplayOutcome outcome = Replayer.replay(FailureFiles.read(Path.of(args[0])), null);
    System.out.println(outcome.word() + " " + FailureFiles.hex(outcome.now().digest()));
  }
}
