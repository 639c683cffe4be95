package io.detsim.cli;

import io.detsim.replay.campaign.CampaignListener;
import io.detsim.replay.campaign.FoundFailure;
import io.detsim.replay.campaign.Progress;
import io.detsim.replay.campaign.WrittenFailure;
import java.io.PrintWriter;
import java.util.Locale;

/**
 * The live progress of a campaign on stderr: seeds done, failures, seeds per second, simulated
 * seconds per wall second. On a terminal one line is rewritten in place about once a second; into a
 * file or a pipe (a CI log) a plain line is written every few seconds instead, so the log stays
 * readable. Whether stderr is a terminal is told by the launcher ({@code -Ddetsim.stderr.tty=true}),
 * since Java 17 cannot ask about stderr alone.
 */
final class ProgressLine implements CampaignListener {
  private static final long PLAIN_EVERY_NANOS = 5_000_000_000L;

  private final PrintWriter err;
  private final boolean terminal;
  private final long startedNanoTime = System.nanoTime();
  private final long startSeeds;
  private final long startSimulatedNanos;
  private long lastPlainNanoTime = startedNanoTime;
  private boolean lineOpen;

  ProgressLine(PrintWriter err, boolean terminal, long startSeeds, long startSimulatedNanos) {
    this.err = err;
    this.terminal = terminal;
    this.startSeeds = startSeeds;
    this.startSimulatedNanos = startSimulatedNanos;
  }

  static boolean stderrIsTerminal() {
    return Boolean.getBoolean("detsim.stderr.tty");
  }

  @Override
  public void progress(Progress progress) {
    long now = System.nanoTime();
    double wallSeconds = Math.max(1e-9, (now - startedNanoTime) / 1e9);
    String line = String.format(Locale.ROOT, "fuzz: %d seeds, %d failures, %.1f seeds/s, %.0fx simulated/wall",
        progress.seeds(), progress.failures(), (progress.seeds() - startSeeds) / wallSeconds,
        (progress.simulatedNanos() - startSimulatedNanos) / 1e9 / wallSeconds);
    if (terminal) {
      err.print("\r" + line + "   ");
      err.flush();
      lineOpen = true;
    } else if (now - lastPlainNanoTime >= PLAIN_EVERY_NANOS) {
      err.println(line);
      lastPlainNanoTime = now;
    }
  }

  @Override
  public void shrinking(FoundFailure failure) {
    endLine();
    err.println("fuzz: " + failure.kind() + " at seed " + Converters.hex(failure.seed()) + "; shrinking");
  }

  @Override
  public void written(WrittenFailure failure) {
    endLine();
  }

  /** Ends the rewritten line, so the next output starts on a line of its own. */
  void endLine() {
    if (lineOpen) {
      err.println();
      lineOpen = false;
    }
  }
}
